package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.util.List;

/**
 * A Pareto sweep: the spec every trial shares, the estimator's initial weights and stop distance δ,
 * how trials fan out, an optional cap on the number of trials (0: none) and, for orchestration
 * checks, a toy problem solved in {@code simulateSeconds} instead of training. With {@code
 * speculate}, slots that would idle get speculative weights (the estimator's class comment); runs
 * recorded before it was a setting read false, as they ran.
 */
public record SweepSpec(
    SearchSpec trial,
    List<Weight> initialWeights,
    double delta,
    FanOutSpec fanOut,
    int maxTrials,
    boolean simulate,
    double simulateSeconds,
    boolean speculate)
    implements RunConfig {

  /** The published initial weights: (ν, criterion weight) = (0.2, 0.8), then (0.0, 1.0). */
  public static final List<Weight> DEFAULT_INITIAL_WEIGHTS =
      List.of(new Weight(0.2, 0.8), new Weight(0, 1));

  public static final double DEFAULT_DELTA = 0.15;

  public SweepSpec {
    initialWeights = List.copyOf(initialWeights);
    require(!initialWeights.isEmpty(), "initialWeights", "must hold at least one weight");
    require(delta > 0 && Double.isFinite(delta), "delta", "must be finite and > 0, got " + delta);
    require(maxTrials >= 0, "maxTrials", "must be ≥ 0 (0: no limit), got " + maxTrials);
    fanOut.requireBatchOf(trial.training().batchSize());
    require(
        simulateSeconds >= 0 && Double.isFinite(simulateSeconds),
        "simulateSeconds",
        "must be finite and ≥ 0, got " + simulateSeconds);
  }

  /** A sweep with the published weights and δ, everything else as given. */
  public static SweepSpec of(SearchSpec trial, FanOutSpec fanOut) {
    return new SweepSpec(trial, DEFAULT_INITIAL_WEIGHTS, DEFAULT_DELTA, fanOut, 0, false, 0, true);
  }

  public SweepSpec withFanOut(FanOutSpec f) {
    return new SweepSpec(
        trial, initialWeights, delta, f, maxTrials, simulate, simulateSeconds, speculate);
  }

  public SweepSpec withMaxTrials(int n) {
    return new SweepSpec(
        trial, initialWeights, delta, fanOut, n, simulate, simulateSeconds, speculate);
  }

  public SweepSpec withDelta(double d) {
    return new SweepSpec(
        trial, initialWeights, d, fanOut, maxTrials, simulate, simulateSeconds, speculate);
  }

  public SweepSpec withSpeculation(boolean on) {
    return new SweepSpec(
        trial, initialWeights, delta, fanOut, maxTrials, simulate, simulateSeconds, on);
  }

  /** The toy problem instead of training, each trial taking {@code seconds}. */
  public SweepSpec simulated(double seconds) {
    return new SweepSpec(trial, initialWeights, delta, fanOut, maxTrials, true, seconds, speculate);
  }

  @Override
  public RunKind kind() {
    return RunKind.SEARCH;
  }

  @Override
  public String dataset() {
    return simulate ? "simulated" : trial.data().dataset().toString();
  }

  @Override
  public Objective objective() {
    return trial.objective();
  }
}
