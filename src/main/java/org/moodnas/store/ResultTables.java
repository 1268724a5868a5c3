package org.moodnas.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * The warehouse's {@code result_tables}: the latest analysis of each run, one row per model. An
 * analysis replaces the run's rows in one commit, so a reader sees the old rows or the new ones.
 */
public final class ResultTables {

  private final Warehouse warehouse;

  public ResultTables(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * Replaces the rows of {@code runId} by {@code results} (the table's columns but analysed_at).
   */
  public void replace(String runId, Dataset<Row> results) {
    Timestamp now = Timestamp.from(Instant.now());
    Column[] columns =
        Arrays.stream(Tables.RESULT_TABLES.schema().fields())
            .map(f -> column(f, now))
            .toArray(Column[]::new);
    Dataset<Row> rows = results.where(col("run_id").equalTo(runId)).select(columns);
    String literal = "'" + runId.replace("\\", "\\\\").replace("'", "\\'") + "'";
    CommitRetry.run(
        () ->
            rows.write()
                .format("delta")
                .mode("overwrite")
                // a table written before a column was added gains it (older rows read null)
                .option("mergeSchema", "true")
                .option("replaceWhere", "run_id = " + literal)
                .save(warehouse.path(Tables.RESULT_TABLES)));
  }

  private static Column column(StructField f, Timestamp now) {
    if (f.name().equals("analysed_at")) {
      return lit(now).as(f.name());
    }
    return col(f.name()).cast(f.dataType()).as(f.name());
  }

  /** The rows of one analysed run. */
  public Dataset<Row> read(String runId) {
    return warehouse.read(Tables.RESULT_TABLES).where(col("run_id").equalTo(runId));
  }
}
