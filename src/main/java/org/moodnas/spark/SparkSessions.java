package org.moodnas.spark;

import org.apache.spark.sql.SparkSession;

/** The session every job uses: Delta enabled, FAIR scheduling so concurrent trials run at once. */
public final class SparkSessions {

  private SparkSessions() {}

  /**
   * Gets or creates the session. {@code master} null keeps what spark-submit or the launcher's
   * spark.master set, else local[*].
   */
  public static SparkSession getOrCreate(String master) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("mood-nas")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.scheduler.mode", "FAIR");
    // Defaults for small driver-side tables; spark-submit --conf spark.ui.enabled=true brings the
    // UI.
    unlessSet(b, "spark.ui.enabled", "false");
    unlessSet(b, "spark.sql.shuffle.partitions", "4");
    // Running tasks report progress in heartbeats; the default 10 s is too coarse for a console.
    unlessSet(b, "spark.executor.heartbeatInterval", "1s");
    // Each trial is one small Delta commit; replaying the log over Delta's default 50 partitions
    // cost 0.9 s per append, one partition 0.4 s (jobs/mood-nas bench sweep).
    unlessSet(b, "spark.databricks.delta.snapshotPartitions", "1");
    if (master != null) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    return b.getOrCreate();
  }

  /** A default that spark-submit's --conf (a system property in the driver) overrides. */
  private static void unlessSet(SparkSession.Builder b, String key, String value) {
    if (System.getProperty(key) == null) {
      b.config(key, value);
    }
  }
}
