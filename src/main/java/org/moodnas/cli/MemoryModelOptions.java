package org.moodnas.cli;

import org.moodnas.memory.MemoryModel;
import org.moodnas.spark.SparkSessions;
import picocli.CommandLine.Option;

/**
 * Which memory model to ask (a saved PipelineModel, else the published one) about which network.
 */
final class MemoryModelOptions {

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "a model saved by 'memory-model fit --out' (default: the published model)")
  String model;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: spark-submit's, else local[*])")
  String master;

  @Option(
      names = "--params-mb",
      required = true,
      description = "model size in millions of parameters")
  double paramsMb;

  MemoryModel load() {
    return model == null
        ? MemoryModel.published(SparkSessions.getOrCreate(master))
        : MemoryModel.load(model);
  }

  /** The network's size, checked. */
  double paramsMb() {
    if (!(paramsMb > 0) || !Double.isFinite(paramsMb)) {
      throw new IllegalArgumentException(
          "--params-mb " + paramsMb + " is not a positive number of millions of parameters");
    }
    return paramsMb;
  }
}
