package org.moodnas.store;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.TrialStatus;

/** A train run's evaluations and their epochs: eval_trials and eval_epochs. */
public final class EvalRecords {

  /** One recorded evaluation, as the ensemble and resume need it. */
  public record Evaluated(
      String arch, TrialStatus status, String checkpoint, Long params, Double testAcc) {}

  private final Warehouse warehouse;
  private final EpochLog<EvalEpoch> epochs;

  public EvalRecords(Warehouse warehouse) {
    this.warehouse = warehouse;
    this.epochs = new EpochLog<>(warehouse, Tables.EVAL_EPOCHS, "arch", EvalEpoch::epoch);
  }

  /**
   * Appends the epochs of a running evaluation that follow its recorded ones without a gap, each
   * once; safe to call from any thread, with the same epochs again or an overlapping window.
   */
  public void recordEpochs(String runId, String arch, List<EvalEpoch> ended) {
    epochs.append(runId, arch, ended, false, e -> epochRow(runId, arch, e));
  }

  /**
   * Appends one finished evaluation: the epochs of its result not recorded while it ran, then its
   * row; an arch recorded before for the run is skipped.
   */
  public void record(
      String runId,
      EvalCandidate candidate,
      EvalSpec spec,
      EvalResult r,
      Instant started,
      Instant finished) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("run_id", runId);
    row.put("arch", candidate.arch());
    row.put("source_run_id", candidate.sourceRunId());
    row.put("reg_weight", candidate.regWeight());
    row.put("dataset", spec.data().dataset().toString());
    row.put("init_channels", spec.training().initChannels());
    row.put("layers", spec.training().layers());
    row.put("auxiliary", spec.auxiliary());
    row.put("cutout", spec.training().cutout());
    row.put("epochs", spec.training().epochs());
    row.put("predicted_memory_mb", r.predictedMemoryMb());
    row.put("attempts", r.attempts());
    row.putAll(columns(r));
    row.put("started_at", Timestamp.from(started));
    row.put("finished_at", Timestamp.from(finished));
    String arch = candidate.arch();
    // Epochs first: an evaluation row means its epochs are there too.
    epochs.append(runId, arch, r.epochs(), true, e -> epochRow(runId, arch, e));
    warehouse.append(
        Tables.EVAL_TRIALS, List.of(row), runId + "/" + arch, List.of("run_id", "arch"));
  }

  /** An evaluation's eval_trials columns that come from its result. */
  public static Map<String, Object> columns(EvalResult r) {
    EvalEpoch last = r.finalEpoch();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("genotype", Columns.json(r.genotype()));
    c.put("batch_size", r.batchSize());
    c.put("status", r.status().toString());
    c.put("error", r.error());
    c.put("params", r.params());
    c.put("param_size_mb", r.paramSizeMb());
    c.put("train_loss", last == null ? null : last.trainLoss());
    c.put("train_acc", last == null ? null : last.trainAcc());
    c.put("valid_loss", last == null ? null : last.validLoss());
    c.put("valid_acc", last == null ? null : last.validAcc());
    c.put("valid_top5", last == null ? null : last.validTop5());
    c.put("test_loss", last == null ? null : last.testLoss());
    c.put("test_acc", last == null ? null : last.testAcc());
    c.put("test_top5", last == null ? null : last.testTop5());
    c.put("skipped_images", last == null ? null : last.skippedImages());
    c.put("checkpoint", r.checkpoint());
    c.put("device", r.device());
    c.put("duration_s", r.durationS());
    return c;
  }

  private static Map<String, Object> epochRow(String runId, String arch, EvalEpoch e) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("run_id", runId);
    c.put("arch", arch);
    c.put("epoch", e.epoch());
    c.put("lr", e.lr());
    c.put("train_loss", e.trainLoss());
    c.put("train_acc", e.trainAcc());
    c.put("valid_loss", e.validLoss());
    c.put("valid_acc", e.validAcc());
    c.put("valid_top5", e.validTop5());
    c.put("test_loss", e.testLoss());
    c.put("test_acc", e.testAcc());
    c.put("test_top5", e.testTop5());
    c.put("skipped_images", e.skippedImages());
    c.put("seconds", e.seconds());
    return c;
  }

  /** A run's recorded evaluations, by arch name. */
  public List<Evaluated> evaluations(String runId) {
    List<Evaluated> out = new ArrayList<>();
    for (Row r :
        warehouse
            .read(Tables.EVAL_TRIALS)
            .where(col("run_id").equalTo(runId))
            .orderBy("arch")
            .collectAsList()) {
      out.add(
          new Evaluated(
              r.getAs("arch"),
              Columns.enumOf(TrialStatus.class, r.getAs("status")),
              r.getAs("checkpoint"),
              r.getAs("params"),
              r.getAs("test_acc")));
    }
    return out;
  }

  /** The genotype hash of each evaluation of {@code runId}, by arch. */
  public java.util.Map<String, String> genotypeHashes(String runId) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (Row r :
        warehouse
            .read(Tables.EVAL_TRIALS)
            .where(col("run_id").equalTo(runId))
            .select("arch", "genotype")
            .collectAsList()) {
      out.put(r.getString(0), org.moodnas.space.Genotype.fromJson(r.getString(1)).hash());
    }
    return out;
  }
}
