package org.moodnas.pareto;

import org.moodnas.core.Weight;

/**
 * The exact scalarized optimum of a toy problem, standing in for training in {@code --simulate}:
 * minimizing ν·(1 − x)² + c·3x² gives x = ν / (ν + 3c) (0 when ν = 0), reg_loss = (1 − x)²,
 * criterion_loss = 3x².
 */
public final class ToyProblem {

  private ToyProblem() {}

  public static Point solve(Weight w) {
    double x = w.nu() == 0 ? 0 : w.nu() / (w.nu() + 3 * w.criterionWeight());
    return new Point((1 - x) * (1 - x), 3 * x * x, w);
  }
}
