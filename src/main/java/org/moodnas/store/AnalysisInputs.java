package org.moodnas.store;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The tables an analysis reads, as frames (empty with their schema when never written). */
public final class AnalysisInputs {

  private final Warehouse warehouse;

  public AnalysisInputs(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  public Dataset<Row> searchTrials() {
    return warehouse.read(Tables.SEARCH_TRIALS);
  }

  public Dataset<Row> evalTrials() {
    return warehouse.read(Tables.EVAL_TRIALS);
  }

  public Dataset<Row> profiles() {
    return warehouse.read(Tables.PROFILES);
  }

  /** The epochs of a train run's evaluations: arch, epoch, train_loss, train_acc, valid_acc… */
  public Dataset<Row> evalEpochs(String trainRun) {
    return warehouse.read(Tables.EVAL_EPOCHS).where(col("run_id").equalTo(trainRun));
  }

  /** The ensembles made of a train run's networks. */
  public Dataset<Row> ensembles(String trainRun) {
    return warehouse.read(Tables.ENSEMBLES).where(col("source_run_id").equalTo(trainRun));
  }
}
