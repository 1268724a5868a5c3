package org.moodnas.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A folder (any Hadoop path) of Delta tables, one sub-folder per {@link Tables} entry. The only
 * place that knows table paths. Appends are idempotent per key: a retried task or a resumed run
 * never records the same rows twice. The key is Delta's txnAppId with txnVersion 0, one app id per
 * (table, key): DESIGN.md's txnVersion = trial_index would drop a trial that finishes after a later
 * one, since Delta skips any version not above the last seen for an app id.
 */
public final class Warehouse {

  private final SparkSession spark;
  private final String root;

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String root() {
    return root;
  }

  public String path(Tables table) {
    return root + "/" + table.tableName();
  }

  public boolean exists(Tables table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /** Appends {@code rows} unless rows with this key were appended to the table before. */
  public void append(Tables table, List<Row> rows, String key) {
    Dataset<Row> df = spark.createDataFrame(rows, table.schema());
    df.write()
        .format("delta")
        .mode("append")
        .option("txnAppId", table.tableName() + "/" + key)
        .option("txnVersion", 0)
        .save(path(table));
  }

  /** The table, or an empty frame of its schema when it was never written. */
  public Dataset<Row> read(Tables table) {
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), table.schema());
    }
    return spark.read().format("delta").load(path(table));
  }

  /** Registers every table as a temporary view under its name, for Spark SQL. */
  public void registerViews() {
    for (Tables t : Tables.values()) {
      read(t).createOrReplaceTempView(t.tableName());
    }
  }

  /** Records a new run as running (idempotent per run id). */
  public void startRun(
      String runId,
      String kind,
      String dataset,
      String objective,
      String configJson,
      String version) {
    Row row =
        RowFactory.create(
            runId,
            kind,
            "running",
            dataset,
            objective,
            configJson,
            version,
            Timestamp.from(Instant.now()),
            null);
    append(Tables.RUNS, List.of(row), runId);
  }

  public boolean runExists(String runId) {
    return !runRow(runId).isEmpty();
  }

  /**
   * A recorded run's kind, configuration JSON and status; the error names the option that gave the
   * run when it is missing or of another kind (resuming a train run as a sweep would mix tables).
   */
  public Row requireRun(String option, String runId, String kind) {
    List<Row> rows = runRow(runId).select("kind", "config", "status").collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          option + ": no run '" + runId + "' in the warehouse " + root);
    }
    String recorded = rows.get(0).getString(0);
    if (!kind.equals(recorded)) {
      throw new IllegalArgumentException(
          option + " " + runId + ": a " + recorded + " run, not a " + kind + " run");
    }
    return rows.get(0);
  }

  private Dataset<Row> runRow(String runId) {
    return read(Tables.RUNS).where(col("run_id").equalTo(runId));
  }

  /** Where an evaluation's trained network is kept: under the warehouse, per run and arch. */
  public String checkpointPath(String runId, String arch) {
    return root + "/checkpoints/" + runId + "/" + arch + ".ckpt";
  }

  /** Sets a run's status and finish time (Delta update). */
  public void finishRun(String runId, String status) {
    updateRun(runId, Map.of("status", lit(status), "finished_at", current_timestamp()));
  }

  /** Sets a run's status and clears its finish time. */
  public void setRunStatus(String runId, String status) {
    updateRun(runId, Map.of("status", lit(status), "finished_at", lit(null).cast("timestamp")));
  }

  private void updateRun(String runId, Map<String, Column> set) {
    DeltaTable.forPath(spark, path(Tables.RUNS)).update(col("run_id").equalTo(runId), set);
  }

  /** Fails early, with the path, when the warehouse cannot be created or written. */
  public void checkWritable() {
    try {
      Path p = new Path(root);
      p.getFileSystem(spark.sparkContext().hadoopConfiguration()).mkdirs(p);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "warehouse " + root + " is not writable: " + e.getMessage(), e);
    }
  }
}
