package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * How a job spreads over the cluster: how many one-task Spark jobs it keeps in flight, how many
 * GPUs each task asks for (null: 1 when the executors have GPUs, else 0; 0: trials on the CPU), and
 * how often a running trial checkpoints within an epoch (null, in runs recorded before trials
 * checkpointed: {@link CheckpointSpec#DEFAULT_MINUTES}). A task given N > 1 GPUs trains
 * data-parallel: each batch split over its N GPUs, one optimizer step.
 */
public record FanOutSpec(int parallelism, Integer gpusPerTrial, Double checkpointMinutes)
    implements Serializable {

  public FanOutSpec(int parallelism, Integer gpusPerTrial) {
    this(parallelism, gpusPerTrial, null);
  }

  public FanOutSpec {
    if (checkpointMinutes == null) {
      checkpointMinutes = CheckpointSpec.DEFAULT_MINUTES;
    }
    require(
        checkpointMinutes >= 0 && Double.isFinite(checkpointMinutes),
        "checkpointMinutes",
        "must be finite and ≥ 0 (0: after every step), got " + checkpointMinutes);
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
