package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * How a job spreads over the cluster: how many one-task Spark jobs it keeps in flight, and how many
 * GPUs each task asks for (null: 1 when the executors have GPUs, else 0; 0: trials on the CPU). A
 * task given N > 1 GPUs trains data-parallel: each batch split over its N GPUs, one optimizer step.
 */
public record FanOutSpec(int parallelism, Integer gpusPerTrial) implements Serializable {

  public FanOutSpec {
    require(parallelism >= 1, "parallelism", "must be ≥ 1, got " + parallelism);
    require(
        gpusPerTrial == null || gpusPerTrial >= 0,
        "gpusPerTrial",
        "must be ≥ 0 (0: trials on the CPU), got " + gpusPerTrial);
  }

  /** Refuses more GPUs per trial than images in a batch: each device trains at least one. */
  public void requireBatchOf(int batchSize) {
    requireShards(gpusPerTrial == null ? 1 : gpusPerTrial, batchSize);
  }

  /**
   * What one device of a trial trains of a batch of {@code batch} images: its largest shard when
   * the trial holds several GPUs, else all of it.
   */
  public int deviceBatch(int batch) {
    return DeviceSpec.largestShard(batch, gpusPerTrial == null ? 1 : Math.max(1, gpusPerTrial));
  }

  /** Refuses {@code shards} devices for batches of {@code batchSize} images. */
  public static void requireShards(int shards, int batchSize) {
    require(
        shards <= batchSize,
        "gpusPerTrial",
        "must not exceed the batch size ("
            + batchSize
            + "): each device trains on part of every batch, got "
            + shards);
  }

  /** One task at a time, GPUs as the executors have them. */
  public static FanOutSpec sequential() {
    return new FanOutSpec(1, null);
  }
}
