package org.moodnas.cli;

import org.apache.spark.sql.SparkSession;
import org.moodnas.memory.MemoryModel;
import org.moodnas.spark.SparkSessions;
import picocli.CommandLine.Option;

/** Which memory model to use (a saved PipelineModel, else the published one) and where to run. */
final class MemoryModelOptions {

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "a model saved by 'memory-model fit --out' (default: the published model)")
  String model;

  @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
  String master;

  SparkSession spark() {
    return SparkSessions.getOrCreate(master);
  }

  MemoryModel load() {
    SparkSession spark = spark();
    return model == null ? MemoryModel.published(spark) : MemoryModel.load(model);
  }
}
