package org.moodnas.spark;

import java.util.List;
import org.moodnas.pareto.Weight;

/** A Pareto sweep's settings (simulated trials for now). */
public record SweepSettings(
    String runId,
    String objective,
    List<Weight> initialWeights,
    double delta,
    int parallelism,
    double weightDecay,
    double simulateSeconds) {

  public SweepSettings {
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be ≥ 1, got " + parallelism);
    }
    if (!objective.equals("l1") && !objective.equals("l2")) {
      throw new IllegalArgumentException("objective '" + objective + "' is not l1 or l2");
    }
    if (simulateSeconds < 0) {
      throw new IllegalArgumentException("--simulate-seconds must be ≥ 0");
    }
    initialWeights = List.copyOf(initialWeights);
  }
}
