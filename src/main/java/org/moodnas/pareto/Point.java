package org.moodnas.pareto;

import org.moodnas.core.TrialResult;
import org.moodnas.core.Weight;

/** A trial's two objectives, both minimized, and the weight that produced them. */
public record Point(double regLoss, double criterionLoss, Weight weight) {

  /** The objectives of a successful trial. */
  public static Point of(TrialResult trial) {
    if (!trial.ok()) {
      throw new IllegalArgumentException("a failed trial has no objectives: " + trial.error());
    }
    return new Point(trial.metrics().regLoss(), trial.metrics().criterionLoss(), trial.weight());
  }

  /** True when this point is no worse than {@code other} in both objectives. */
  public boolean weaklyDominates(Point other) {
    return regLoss <= other.regLoss && criterionLoss <= other.criterionLoss;
  }

  public boolean sameObjectives(Point other) {
    return regLoss == other.regLoss && criterionLoss == other.criterionLoss;
  }
}
