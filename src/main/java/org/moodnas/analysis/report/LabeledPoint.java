package org.moodnas.analysis.report;

/**
 * One point of a scatter: its label (a ν like "2e-01" or a model name), coordinates, and whether it
 * is on the Pareto front. The caller decides the front, so a chart never disagrees with the tables
 * beside it.
 */
public record LabeledPoint(String label, double x, double y, boolean onFront) {

  /** Points with a NaN or infinite coordinate cannot be placed; charts skip them. */
  boolean drawable() {
    return Double.isFinite(x) && Double.isFinite(y);
  }
}
