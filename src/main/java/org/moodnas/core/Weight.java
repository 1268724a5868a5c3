package org.moodnas.core;

import java.io.Serializable;

/**
 * A scalarization of the two objectives: loss = nu · reg_loss + criterionWeight · criterion_loss.
 */
public record Weight(double nu, double criterionWeight) implements Serializable {

  public Weight {
    InvalidSettingException.require(
        nu >= 0 && Double.isFinite(nu), "nu", "must be a finite ν ≥ 0, got " + nu);
    InvalidSettingException.require(
        criterionWeight >= 0 && Double.isFinite(criterionWeight),
        "criterionWeight",
        "must be finite and ≥ 0, got " + criterionWeight);
  }
}
