package org.moodnas.store;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.moodnas.train.EvalConfig;
import org.moodnas.train.EvalEpoch;
import org.moodnas.train.EvalResult;

/** A train run's rows: the run, each evaluation and its epochs, and where checkpoints go. */
public final class EvalRecords {

  /** One recorded evaluation, as the ensemble and resume need it. */
  public record Evaluated(
      String arch, String status, String dataset, String checkpoint, Long params, Double testAcc) {}

  private final Warehouse warehouse;

  public EvalRecords(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public void startRun(String runId, String dataset, String configJson, String version) {
    warehouse.startRun(runId, "train", dataset, null, configJson, version);
  }

  public void finishRun(String runId, String status) {
    warehouse.finishRun(runId, status);
  }

  public void markRunning(String runId) {
    warehouse.setRunStatus(runId, "running");
  }

  public String checkpointPath(String runId, String arch) {
    return warehouse.checkpointPath(runId, arch);
  }

  /** Appends one evaluation and its epochs; an arch recorded before for the run is skipped. */
  public void record(
      String runId,
      String arch,
      String sourceRunId,
      Double regWeight,
      String dataset,
      EvalConfig config,
      EvalResult r,
      Double predictedMemoryMb,
      int attempts,
      Instant started,
      Instant finished) {
    Row row =
        RowFactory.create(
            runId,
            arch,
            r.genotype(),
            sourceRunId,
            regWeight,
            dataset,
            config.initChannels(),
            config.layers(),
            config.auxiliary(),
            config.cutout(),
            config.epochs(),
            r.batchSize() > 0 ? r.batchSize() : null,
            predictedMemoryMb,
            attempts,
            r.status(),
            r.error(),
            // A task lost before building its network has no parameter count.
            r.params() > 0 ? r.params() : null,
            r.params() > 0 ? r.paramSizeMb() : null,
            r.trainLoss(),
            r.trainAcc(),
            r.validLoss(),
            r.validAcc(),
            r.testLoss(),
            r.testAcc(),
            r.checkpoint(),
            r.device(),
            Timestamp.from(started),
            Timestamp.from(finished),
            r.durationS());
    List<Row> epochs = new ArrayList<>();
    for (EvalEpoch e : r.epochs()) {
      epochs.add(
          RowFactory.create(
              runId,
              arch,
              e.epoch(),
              e.lr(),
              e.trainLoss(),
              e.trainAcc(),
              e.validLoss(),
              e.validAcc(),
              e.seconds()));
    }
    // Epochs first: an evaluation row means its epochs are there too.
    if (!epochs.isEmpty()) {
      warehouse.append(Tables.EVAL_EPOCHS, epochs, runId + "/" + arch);
    }
    warehouse.append(Tables.EVAL_TRIALS, List.of(row), runId + "/" + arch);
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
              r.getAs("status"),
              r.getAs("dataset"),
              r.getAs("checkpoint"),
              r.getAs("params"),
              r.getAs("test_acc")));
    }
    return out;
  }
}
