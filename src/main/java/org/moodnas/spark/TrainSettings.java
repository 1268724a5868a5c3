package org.moodnas.spark;

import org.moodnas.memory.MemoryModel;
import org.moodnas.train.DataSource;
import org.moodnas.train.EvalConfig;

/**
 * A train job's settings: the training of every genotype, where its images are, how batches are
 * sized (a fixed {@code batchSize}, else the memory model on GPUs), how many run at once, and how
 * many first attempts fail as out of memory ({@code injectedOoms}, for fault drills).
 */
public record TrainSettings(
    String runId,
    DataSource source,
    EvalConfig config,
    Integer batchSize,
    int minBatchSize,
    MemoryModel memoryModel,
    double marginMb,
    int parallelism,
    int gpusPerTrial,
    int injectedOoms) {

  public TrainSettings {
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism " + parallelism + " must be at least 1");
    }
    if (batchSize != null && batchSize < 1) {
      throw new IllegalArgumentException("--batch-size " + batchSize + " must be positive");
    }
    if (minBatchSize < 1) {
      throw new IllegalArgumentException("--min-batch-size " + minBatchSize + " must be positive");
    }
  }
}
