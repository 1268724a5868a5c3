package org.moodnas.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a result table, in the order of the published tables, and their types: one row per
 * model (a search trial or a trained genotype) with its ν, size, training, test and search figures,
 * its cost and what is missing. Accuracies are in percent, as published; losses as recorded. The
 * top-5 accuracies are there for evaluations that record them (ImageNet's), null otherwise. The one
 * list of them: {@code result_tables} is these columns and {@code analysed_at}; the analysis builds
 * its tables in them.
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
  public static final String PARAMS_WITH_AUX = "params_with_aux";
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
          PARAMS_WITH_AUX,
          FLOPS,
          LATENCY_GPU_MS,
          LATENCY_CPU_MS);

  /** The figures that are counts (bigint); the others are double. */
  public static final Set<String> COUNTS = Set.of(PARAMS, PARAMS_WITH_AUX, FLOPS);

  /** Every column, in order. */
  public static final List<String> ALL = all();

  private ResultColumns() {}

  /** The columns with their types; run_id and kind never null. */
  public static StructType schema() {
    StructType t = new StructType();
    for (String c : ALL) {
      t = t.add(c, type(c), !c.equals(RUN_ID) && !c.equals(KIND));
    }
    return t;
  }

  /** A column's type: text, a count or a double. */
  public static DataType type(String column) {
    if (COUNTS.contains(column)) {
      return DataTypes.LongType;
    }
    return NUMERIC.contains(column) ? DataTypes.DoubleType : DataTypes.StringType;
  }

  /**
   * {@code table} as a result table: exactly these columns, in order, each cast to its type.
   *
   * @throws IllegalArgumentException naming a column the table lacks
   */
  public static Dataset<Row> conform(Dataset<Row> table) {
    List<String> present = List.of(table.columns());
    Column[] columns = new Column[ALL.size()];
    for (int i = 0; i < columns.length; i++) {
      String c = ALL.get(i);
      if (!present.contains(c)) {
        throw new IllegalArgumentException("a result table needs column " + c + ", got " + present);
      }
      columns[i] = functions.col(c).cast(type(c)).as(c);
    }
    return table.select(columns);
  }

  private static List<String> all() {
    List<String> all = new ArrayList<>(List.of(RUN_ID, KIND, MODEL_NAME));
    all.addAll(NUMERIC);
    all.addAll(List.of(GENOTYPE_HASH, STATUS, MISSING));
    return List.copyOf(all);
  }
}
