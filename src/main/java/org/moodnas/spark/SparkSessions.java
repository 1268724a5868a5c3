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
            .config("spark.scheduler.mode", "FAIR")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4");
    // Running tasks report progress in heartbeats; the default 10 s is too coarse for a console.
    if (System.getProperty("spark.executor.heartbeatInterval") == null) {
      b.config("spark.executor.heartbeatInterval", "1s");
    }
    if (master != null) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    return b.getOrCreate();
  }
}
