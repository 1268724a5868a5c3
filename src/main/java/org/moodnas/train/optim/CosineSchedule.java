package org.moodnas.train.optim;

/**
 * PyTorch's CosineAnnealingLR stepped once per epoch before the epoch runs, as DARTS does: epoch e
 * of T uses min + (max − min)·(1 + cos(π·e/T))/2.
 */
public record CosineSchedule(double max, double min, int epochs) implements LearningRateSchedule {

  @Override
  public double at(int epoch) {
    return min + (max - min) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
  }
}
