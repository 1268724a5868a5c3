package org.moodnas.testing;

import org.moodnas.core.FanOutSpec;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.SweepSpec;

/** Sweeps that solve the toy problem instead of training: orchestration in seconds. */
public final class SimulatedSweeps {

  private SimulatedSweeps() {}

  /**
   * The published weights and δ (11 trials one at a time), {@code parallelism} in flight, at most
   * {@code maxTrials} (0: no cap), each taking {@code seconds}; no GPUs.
   */
  public static SweepSpec sweep(int parallelism, int maxTrials, double seconds) {
    return SweepSpec.of(SearchSpec.DEFAULTS, new FanOutSpec(parallelism, 0))
        .withMaxTrials(maxTrials)
        .simulated(seconds);
  }
}
