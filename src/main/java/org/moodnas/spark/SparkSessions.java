package org.moodnas.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * The session every job uses: Delta enabled and FAIR scheduling (both required: trials run as
 * concurrent jobs that append to Delta tables), and the defaults of conf/spark-defaults.conf (built
 * into the jar) unless spark-submit or a system property set them.
 */
public final class SparkSessions {

  /** Where the build puts conf/spark-defaults.conf. */
  static final String DEFAULTS = "/org/moodnas/spark/spark-defaults.conf";

  private SparkSessions() {}

  /**
   * Gets or creates the session. {@code master} null keeps what spark-submit or the launcher's
   * spark.master set, else local[*].
   */
  public static SparkSession getOrCreate(String master) {
    checkLocalCluster(
        master != null ? master : System.getProperty("spark.master", ""),
        System.getenv("SPARK_HOME"));
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("mood-nas")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.scheduler.mode", "FAIR");
    // spark-submit's --conf reaches the driver as system properties, which SparkConf reads.
    defaults()
        .forEach(
            (key, value) -> {
              if (System.getProperty(key) == null) {
                b.config(key, value);
              }
            });
    if (master != null) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    return b.getOrCreate();
  }

  /**
   * A local-cluster master's workers start each executor from SPARK_HOME/jars and, without it, fail
   * every launch while the application waits for executors forever: one clear line instead.
   */
  static void checkLocalCluster(String master, String sparkHome) {
    if (master.startsWith("local-cluster")
        && (sparkHome == null || !Files.isDirectory(Path.of(sparkHome, "jars")))) {
      throw new IllegalArgumentException(
          "master "
              + master
              + ": its executors start from SPARK_HOME/jars, and "
              + (sparkHome == null ? "SPARK_HOME is not set" : sparkHome + " has no jars/")
              + " (jobs/mood-nas prepares target/spark-home for it)");
    }
  }

  /** The built-in defaults, in key order. */
  static TreeMap<String, String> defaults() {
    try (InputStream in = SparkSessions.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the build");
      }
      // The properties format reads "key  value" lines and '#' comments, as Spark's file has them.
      Properties p = new Properties();
      p.load(in);
      TreeMap<String, String> out = new TreeMap<>();
      p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
