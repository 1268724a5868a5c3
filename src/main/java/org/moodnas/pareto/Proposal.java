package org.moodnas.pareto;

import org.moodnas.core.Weight;

/**
 * A weight the estimator hands out and why: an initial weight (no gap), the bisection of a gap of
 * the front, or — {@code speculative} — of a virtual gap, one side of which is a trial still in
 * flight standing at its assumed position.
 *
 * @param left the gap's end of higher criterion loss (null for an initial weight)
 * @param right the gap's other end (null for an initial weight)
 */
public record Proposal(Weight weight, boolean speculative, Point left, Point right) {

  /** Whether it aimed at a gap (false for an initial weight). */
  public boolean aimed() {
    return left != null;
  }
}
