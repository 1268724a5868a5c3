package org.moodnas.core;

import java.util.Locale;

/**
 * How the timed passes of a latency measurement wait for the device. {@link #NONE}: the passes run
 * back to back under one timer and nothing waits for the device (OFA's measure_net_latency, which
 * the published tables used): on a CPU every pass finishes before the next starts anyway, on a GPU
 * the timer sees mostly the launching of kernels. {@link #EVERY_PASS}: each pass is timed alone and
 * waited for by reading its output, so a GPU's figure is the time to a pass's result.
 */
public enum LatencySync {
  NONE,
  EVERY_PASS;

  /** The method called {@code name} ("none", "every-pass"; case-insensitive). */
  public static LatencySync byName(String name) {
    return EnumNames.byName(values(), name, "latency synchronization");
  }

  /** "none" or "every-pass": how users type it and how profiles and runs.config store it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
