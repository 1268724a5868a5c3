package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * How latency is measured: on {@code device}, {@code batchSize} images per forward pass, {@code
 * warmup} unmeasured passes, then the mean of {@code runs} timed ones, waiting for the device as
 * {@code sync} says (the published tables' measurement: {@link LatencySync#NONE}).
 */
public record LatencySpec(DeviceSpec device, int batchSize, int warmup, int runs, LatencySync sync)
    implements Serializable {

  public static final int DEFAULT_WARMUP = 50;
  public static final int DEFAULT_RUNS = 50;

  public LatencySpec {
    require(device != null, "device", "must be given");
    require(batchSize >= 1, "batchSize", "must be ≥ 1, got " + batchSize);
    require(warmup >= 0, "warmup", "must be ≥ 0, got " + warmup);
    require(runs >= 1, "runs", "must be ≥ 1, got " + runs);
    require(sync != null, "sync", "must be given");
  }

  /** The published way of waiting: none. */
  public LatencySpec(DeviceSpec device, int batchSize, int warmup, int runs) {
    this(device, batchSize, warmup, runs, LatencySync.NONE);
  }

  /** The published batch: 1 image on a CPU, 8 on a GPU. */
  public static int defaultBatchSize(DeviceSpec device) {
    return device.gpu() ? 8 : 1;
  }

  /** The published measurement on {@code device}: its default batch, 50 warm-ups, 50 runs. */
  public static LatencySpec defaults(DeviceSpec device) {
    return new LatencySpec(device, defaultBatchSize(device), DEFAULT_WARMUP, DEFAULT_RUNS);
  }

  /** "cpu" or "gpu": the kind of device, without its index. */
  public String deviceKind() {
    return device.gpu() ? "gpu" : "cpu";
  }
}
