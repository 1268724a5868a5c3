package org.moodnas.pareto;

/** A scalarization: loss = nu · reg_loss + criterionWeight · criterion_loss. */
public record Weight(double nu, double criterionWeight) {

  public Weight {
    if (!(nu >= 0) || !(criterionWeight >= 0) || !Double.isFinite(nu + criterionWeight)) {
      throw new IllegalArgumentException(
          "weight (" + nu + ", " + criterionWeight + ") must have finite components ≥ 0");
    }
  }
}
