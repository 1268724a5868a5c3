package org.moodnas.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.moodnas.train.SearchEpoch;
import org.moodnas.train.TrialResult;

/** A search sweep's rows: the run, each trial and its epochs, in the tables' column order. */
public final class SearchRecords {

  private final Warehouse warehouse;

  public SearchRecords(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Records a new run as running (idempotent per run id). */
  public void startRun(
      String runId, String dataset, String objective, String configJson, String version) {
    warehouse.startRun(runId, "search", dataset, objective, configJson, version);
  }

  public void finishRun(String runId, String status) {
    warehouse.finishRun(runId, status);
  }

  /** Appends a finished trial and its epochs; a repeated trial index is skipped. */
  public void recordTrial(
      String runId, int trialIndex, TrialResult r, int attempt, Instant started, Instant finished) {
    Row trial =
        RowFactory.create(
            runId,
            trialIndex,
            r.objective(),
            r.regWeight(),
            r.criterionWeight(),
            r.weightDecay(),
            r.status(),
            r.error(),
            r.regLoss(),
            r.criterionLoss(),
            r.l1Loss(),
            r.l2Loss(),
            r.trainAcc(),
            r.validAcc(),
            r.modelSizeMb(),
            r.genotype(),
            r.device(),
            attempt,
            Timestamp.from(started),
            Timestamp.from(finished),
            r.durationS());
    List<Row> epochs = new ArrayList<>();
    for (SearchEpoch e : r.epochs()) {
      epochs.add(
          RowFactory.create(
              runId,
              trialIndex,
              e.epoch(),
              e.lr(),
              e.trainLoss(),
              e.trainAcc(),
              e.criterionLoss(),
              e.l1Loss(),
              e.l2Loss(),
              e.validAcc(),
              e.genotype(),
              e.seconds()));
    }
    // Epochs first: a trial row means its epochs are there too.
    if (!epochs.isEmpty()) {
      warehouse.append(Tables.SEARCH_EPOCHS, epochs, runId + "/" + trialIndex);
    }
    warehouse.append(Tables.SEARCH_TRIALS, List.of(trial), runId + "/" + trialIndex);
  }

  /** A run's recorded trials in order of proposal (epochs not included). */
  public List<TrialResult> trials(String runId) {
    List<Row> rows =
        warehouse
            .read(Tables.SEARCH_TRIALS)
            .where(org.apache.spark.sql.functions.col("run_id").equalTo(runId))
            .orderBy("trial_index")
            .collectAsList();
    List<TrialResult> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new TrialResult(
              r.getAs("objective"),
              r.<Double>getAs("reg_weight"),
              r.<Double>getAs("criterion_weight"),
              r.<Double>getAs("weight_decay"),
              r.getAs("status"),
              r.getAs("error"),
              r.getAs("reg_loss"),
              r.getAs("criterion_loss"),
              r.getAs("l1_loss"),
              r.getAs("l2_loss"),
              r.getAs("train_acc"),
              r.getAs("valid_acc"),
              r.getAs("model_size_mb"),
              r.getAs("genotype"),
              r.getAs("device"),
              List.of(),
              r.<Double>getAs("duration_s")));
    }
    return out;
  }

  /** A resumed run is running again. */
  public void markRunning(String runId) {
    warehouse.setRunStatus(runId, "running");
  }

  /** Checks the run is a recorded search run; the error names the option that gave it. */
  public void requireSearchRun(String option, String runId) {
    warehouse.requireRun(option, runId, "search");
  }

  public boolean runExists(String runId) {
    return warehouse.runExists(runId);
  }
}
