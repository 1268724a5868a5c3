package org.moodnas.pareto;

/** A trial's two objectives, both minimized, and the weight that produced them. */
public record Point(double regLoss, double criterionLoss, Weight weight) {

  /** True when this point is no worse than {@code other} in both objectives. */
  public boolean weaklyDominates(Point other) {
    return regLoss <= other.regLoss && criterionLoss <= other.criterionLoss;
  }

  public boolean sameObjectives(Point other) {
    return regLoss == other.regLoss && criterionLoss == other.criterionLoss;
  }
}
