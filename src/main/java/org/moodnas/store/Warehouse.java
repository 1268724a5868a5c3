package org.moodnas.store;

import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A folder (any Hadoop path) of Delta tables, one sub-folder per {@link Tables} entry. The only
 * place that knows table paths. Appends are idempotent per key: a retried task or a resumed run
 * never records the same rows twice. The key is Delta's txnAppId, one app id per (table, key), with
 * txnVersion 0 for a trial's own row and the last epoch number for its epochs (appended in order,
 * so the versions of one app id only grow): app id = run and txnVersion = trial index would drop a
 * trial that finishes after a later one, since Delta skips any version not above the last seen for
 * an app id.
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

  String path(Tables table) {
    return root + "/" + table.tableName();
  }

  public boolean exists(Tables table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /**
   * Appends rows given as column → value unless rows with this key were appended to the table
   * before (txnVersion 0), then checks they are there ({@link #append(Tables, List, String, long,
   * List)}).
   */
  void append(Tables table, List<Map<String, Object>> rows, String key, List<String> keyColumns) {
    append(table, rows, key, 0, keyColumns);
  }

  /**
   * Appends rows given as column → value as Delta transaction {@code version} of app id (table,
   * {@code key}): Delta skips it when it holds that app id at this version or above. Every row must
   * name exactly the table's columns; a table written before a column was added gains it (Delta's
   * schema merge: its older rows read null there). Then the rows' {@code keyColumns} (the first
   * narrows the scan) must be in the table: a log that records the transaction but lost its rows (a
   * damaged {@code _delta_log}) would otherwise have every later append skipped, a gap for good.
   */
  void append(
      Tables table,
      List<Map<String, Object>> rows,
      String key,
      long version,
      List<String> keyColumns) {
    Dataset<Row> frame = frame(table, rows);
    String appId = table.tableName() + "/" + key;
    // The first writers of a new warehouse race to create each table: retried (CommitRetry).
    DiskFullException.guard(
        path(table),
        () ->
            CommitRetry.run(
                () ->
                    frame
                        .write()
                        .format("delta")
                        .mode("append")
                        .option("mergeSchema", "true")
                        .option("txnAppId", appId)
                        .option("txnVersion", version)
                        .save(path(table))));
    new RecordedRows(this).check(table, rows, key, version, keyColumns);
  }

  /**
   * Inserts the rows whose {@code key} columns equal no recorded row's (null equals null), and of
   * rows with equal keys only one: a Delta MERGE that inserts when not matched, so that writers at
   * once never record a key twice (a MERGE that lost the race to another commit is retried against
   * the new table). The table is created, empty, when absent.
   */
  void insertNew(Tables table, List<Map<String, Object>> rows, List<String> key) {
    Dataset<Row> frame = frame(table, rows).dropDuplicates(key.toArray(String[]::new));
    String matches = String.join(" AND ", key.stream().map(k -> "t." + k + " <=> s." + k).toList());
    DiskFullException.guard(
        path(table),
        () ->
            CommitRetry.run(
                () -> {
                  if (!exists(table)) {
                    frame.limit(0).write().format("delta").mode("append").save(path(table));
                  }
                  DeltaTable.forPath(spark, path(table))
                      .as("t")
                      .merge(frame.as("s"), matches)
                      .whenNotMatched()
                      .insertAll()
                      .execute();
                }));
  }

  /** Rows given as column → value as a frame of the table's schema; each must name its columns. */
  private Dataset<Row> frame(Tables table, List<Map<String, Object>> rows) {
    StructType schema = table.schema();
    List<Row> out = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      if (!row.keySet().equals(Set.of(schema.fieldNames()))) {
        throw new IllegalStateException(
            table.tableName() + ": a row with columns " + row.keySet() + " does not fit the table");
      }
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(schema.fieldNames()[i]);
      }
      out.add(RowFactory.create(values));
    }
    return spark.createDataFrame(out, schema);
  }

  /**
   * The table, or an empty frame of its schema when it was never written. A table written before a
   * column was added reads null there, as its rows will once an append merges the column in.
   */
  public Dataset<Row> read(Tables table) {
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), table.schema());
    }
    Dataset<Row> frame = spark.read().format("delta").load(path(table));
    Set<String> present = Set.of(frame.columns());
    for (StructField f : table.schema().fields()) {
      if (!present.contains(f.name())) {
        frame = frame.withColumn(f.name(), lit(null).cast(f.dataType()));
      }
    }
    return frame;
  }

  /**
   * Registers every table as a temporary view under its name, for Spark SQL. In the {@code runs}
   * view a run recorded running whose driver holds no live lease is {@code lost}: computed on read,
   * the table itself stays as its drivers wrote it.
   */
  public void registerViews() {
    for (Tables t : Tables.values()) {
      if (t != Tables.RUNS) {
        read(t).createOrReplaceTempView(t.tableName());
      }
    }
    new Runs(this).asViewed().createOrReplaceTempView(Tables.RUNS.tableName());
  }

  /** Where run leases are kept (see {@link Leases}). */
  String leasesPath() {
    return root + "/_leases";
  }

  org.apache.hadoop.conf.Configuration hadoopConfiguration() {
    return spark.sparkContext().hadoopConfiguration();
  }

  /** Updates a table's rows that match {@code condition}. */
  void update(
      Tables table,
      org.apache.spark.sql.Column condition,
      Map<String, org.apache.spark.sql.Column> set) {
    DiskFullException.guard(
        path(table),
        () -> CommitRetry.run(() -> DeltaTable.forPath(spark, path(table)).update(condition, set)));
  }

  /** Where an evaluation's trained network is kept: under the warehouse, per run and arch. */
  public String checkpointPath(String runId, String arch) {
    return checkpointsPath() + "/" + runId + "/" + arch + ".ckpt";
  }

  /**
   * The folder of a running trial's training state ({@code KEY} from {@code TrainingStateKeys};
   * layout in docs/checkpoints.md), deleted once the trial is recorded ({@link Checkpoints}).
   */
  public String trainingStatePath(String runId, String key) {
    return Checkpoints.trainingStatePath(this, runId, key);
  }

  /** The folder of every run's networks and training states (see {@link Checkpoints}). */
  String checkpointsPath() {
    return root + "/checkpoints";
  }

  /**
   * The result of a read-only Spark SQL statement over the warehouse, every table a view under its
   * name; anything but a query is refused before it runs (see {@link ReadOnlySql}).
   */
  public Dataset<Row> query(String statement) {
    checkReadable();
    ReadOnlySql.check(spark, statement);
    registerViews();
    try {
      return spark.sql(statement);
    } catch (Exception e) { // AnalysisException is checked in Java's eyes but undeclared
      // Spark's analysis errors span lines; their first line says what is wrong.
      throw new IllegalArgumentException("query: " + ReadOnlySql.firstLine(e));
    }
  }

  /** Fails, naming the path, unless the warehouse is an existing folder. */
  public void checkReadable() {
    new WarehouseFolder(root, spark.sparkContext().hadoopConfiguration()).checkReadable();
  }

  /**
   * Fails early, naming the path, when the warehouse cannot be created or written: before a run
   * starts, not at its first record.
   */
  public void checkWritable() {
    new WarehouseFolder(root, spark.sparkContext().hadoopConfiguration()).checkWritable();
  }
}
