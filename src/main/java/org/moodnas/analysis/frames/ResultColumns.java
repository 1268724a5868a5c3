package org.moodnas.analysis.frames;

import java.util.List;

/**
 * The columns of a result table, in the order of the published tables: one row per model (a search
 * trial or a trained genotype) with its ν, size, training, test and search figures, its cost and
 * what is missing. Accuracies are in percent, as published; losses as recorded. The top-5
 * accuracies are there for evaluations that record them (ImageNet's), null otherwise.
 */
public final class ResultColumns {

  public static final String RUN_ID = "run_id";
  public static final String KIND = "kind";
  public static final String MODEL_NAME = "model_name";
  public static final String NU = "nu";
  public static final String SIZE_MB = "size_mb";
  public static final String VALID_TOP5 = "valid_top5";
  public static final String TEST_ACC = "test_acc";
  public static final String TEST_TOP5 = "test_top5";
  public static final String SEARCH_CRITERION_LOSS = "search_criterion_loss";
  public static final String SEARCH_REG_LOSS = "search_reg_loss";
  public static final String SEARCH_ACC = "search_acc";
  public static final String PARAMS = "params";
  public static final String FLOPS = "flops";
  public static final String LATENCY_GPU_MS = "latency_gpu_ms";
  public static final String LATENCY_CPU_MS = "latency_cpu_ms";
  public static final String GENOTYPE_HASH = "genotype_hash";
  public static final String STATUS = "status";
  public static final String MISSING = "missing";

  /** The figures a correlation matrix may relate, in table order. */
  public static final List<String> NUMERIC =
      List.of(
          NU,
          SIZE_MB,
          "train_loss",
          "train_acc",
          "valid_loss",
          "valid_acc",
          VALID_TOP5,
          "test_loss",
          TEST_ACC,
          TEST_TOP5,
          "search_train_acc",
          SEARCH_CRITERION_LOSS,
          SEARCH_REG_LOSS,
          SEARCH_ACC,
          PARAMS,
          "params_with_aux",
          FLOPS,
          LATENCY_GPU_MS,
          LATENCY_CPU_MS);

  /** Every column, in order. */
  public static final List<String> ALL = all();

  private ResultColumns() {}

  private static List<String> all() {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(List.of(RUN_ID, KIND, MODEL_NAME));
    all.addAll(NUMERIC);
    all.addAll(List.of(GENOTYPE_HASH, STATUS, MISSING));
    return List.copyOf(all);
  }
}
