package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * How a job spreads over the cluster: how many one-task Spark jobs it keeps in flight, and how many
 * GPUs each task asks for (0 or 1; null: 1 when the executors have GPUs, else 0).
 */
public record FanOutSpec(int parallelism, Integer gpusPerTrial) implements Serializable {

  public FanOutSpec {
    require(parallelism >= 1, "parallelism", "must be ≥ 1, got " + parallelism);
    require(
        gpusPerTrial == null || gpusPerTrial == 0 || gpusPerTrial == 1,
        "gpusPerTrial",
        "must be 0 or 1 (a trial trains on one device), got " + gpusPerTrial);
  }

  /** One task at a time, GPUs as the executors have them. */
  public static FanOutSpec sequential() {
    return new FanOutSpec(1, null);
  }
}
