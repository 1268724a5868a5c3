package org.moodnas.core;

import java.io.Serializable;

/**
 * A measured latency: the mean milliseconds of a forward pass, how it was measured, and a
 * description of the hardware it ran on ({@code cpu (2 threads) AMD EPYC}, {@code gpu:0 …}).
 */
public record Latency(double meanMs, LatencySpec spec, String device) implements Serializable {

  public Latency {
    if (!(meanMs > 0) || !Double.isFinite(meanMs)) {
      throw new IllegalArgumentException("latency must be a positive number of ms, got " + meanMs);
    }
    if (spec == null || device == null) {
      throw new IllegalArgumentException("a latency needs its spec and device");
    }
  }
}
