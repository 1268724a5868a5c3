package org.moodnas.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.core.CodeVersion;
import org.moodnas.core.Objective;
import org.moodnas.core.RunConfig;
import org.moodnas.core.RunKind;
import org.moodnas.core.RunStatus;

/** The warehouse's {@code runs}: one row per run, its configuration as JSON, its status. */
public final class Runs {

  private final Warehouse warehouse;

  public Runs(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Records a new run as running (idempotent per run id). */
  public void start(String runId, RunConfig config) {
    Objective objective = config.objective();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("run_id", runId);
    row.put("kind", config.kind().toString());
    row.put("status", RunStatus.RUNNING.toString());
    row.put("dataset", config.dataset());
    row.put("objective", objective == null ? null : objective.toString());
    row.put("config", RunConfigCodec.write(config));
    row.put("code_version", CodeVersion.current());
    row.put("created_at", Timestamp.from(Instant.now()));
    row.put("finished_at", null);
    warehouse.append(Tables.RUNS, List.of(row), runId, List.of("run_id"));
  }

  public boolean exists(String runId) {
    return find(runId).isPresent();
  }

  /** The recorded run, its config read back as the record it was written from. */
  public Optional<RunRecord> find(String runId) {
    List<Row> rows =
        warehouse
            .read(Tables.RUNS)
            .where(col("run_id").equalTo(runId))
            .select("kind", "status", "config")
            .collectAsList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Row r = rows.get(0);
    RunKind kind = Columns.enumOf(RunKind.class, r.getAs("kind"));
    return Optional.of(
        new RunRecord(
            runId,
            kind,
            Columns.enumOf(RunStatus.class, r.getAs("status")),
            RunConfigCodec.read(runId, kind, r.getAs("config"))));
  }

  /**
   * The table as the {@code runs} view shows it: a run recorded running whose driver holds no live
   * lease reads lost (computed on read; the table keeps what its drivers wrote).
   */
  Dataset<Row> asViewed() {
    Object[] live = new Leases(warehouse).liveRunIds().toArray();
    Column running = col("status").equalTo(RunStatus.RUNNING.toString());
    return warehouse
        .read(Tables.RUNS)
        .withColumn(
            "status",
            when(running.and(not(col("run_id").isin(live))), "lost").otherwise(col("status")));
  }

  /** Sets a run's status and finish time. */
  public void finish(String runId, RunStatus status) {
    warehouse.update(
        Tables.RUNS,
        col("run_id").equalTo(runId),
        Map.of("status", lit(status.toString()), "finished_at", current_timestamp()));
  }

  /**
   * A resumed run is running again: its status, no finish time, and the config it continues with (a
   * limit changed on resuming is what a later resume keeps).
   */
  public void markRunning(String runId, RunConfig config) {
    warehouse.update(
        Tables.RUNS,
        col("run_id").equalTo(runId),
        Map.of(
            "status",
            lit(RunStatus.RUNNING.toString()),
            "finished_at",
            lit(null).cast("timestamp"),
            "config",
            lit(RunConfigCodec.write(config))));
  }
}
