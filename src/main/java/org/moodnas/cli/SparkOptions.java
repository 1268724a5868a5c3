package org.moodnas.cli;

import org.apache.spark.sql.SparkSession;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Option;

/** The Spark master and the warehouse a command works on. */
final class SparkOptions {

  @Option(
      names = "--warehouse",
      paramLabel = "PATH",
      description = "the Delta tables' folder, any Hadoop path")
  String warehouse = "warehouse";

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: spark-submit's, else local[*])")
  String master;

  /** The master the session will use: --master, else spark-submit's or the launcher's. */
  String masterUrl() {
    return master != null ? master : System.getProperty("spark.master", "local[*]");
  }

  SparkSession session() {
    return SparkSessions.getOrCreate(master);
  }

  Warehouse warehouse() {
    return new Warehouse(session(), warehouse);
  }
}
