package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * How a train job profiles each genotype it trained: latency on the task's device with the
 * published batch, {@code profileWarmup} unmeasured passes and the mean of {@code profileRuns}
 * timed ones, waiting for the device as {@code profileSync} says; 0 runs records parameters and
 * FLOPs only.
 */
public record ProfilingSpec(int profileWarmup, int profileRuns, LatencySync profileSync)
    implements Serializable {

  public static final ProfilingSpec DEFAULT =
      new ProfilingSpec(LatencySpec.DEFAULT_WARMUP, LatencySpec.DEFAULT_RUNS, LatencySync.NONE);

  public ProfilingSpec {
    require(profileWarmup >= 0, "profileWarmup", "must be ≥ 0, got " + profileWarmup);
    require(profileRuns >= 0, "profileRuns", "must be ≥ 0, got " + profileRuns);
    // Runs recorded before the setting existed waited for every pass; a resume keeps measuring so.
    if (profileSync == null) {
      profileSync = LatencySync.EVERY_PASS;
    }
  }

  /** The latency measurement on {@code device}, or null when latency is not measured. */
  public LatencySpec latencyOn(DeviceSpec device) {
    return profileRuns == 0
        ? null
        : new LatencySpec(
            device, LatencySpec.defaultBatchSize(device), profileWarmup, profileRuns, profileSync);
  }
}
