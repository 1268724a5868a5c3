package org.moodnas.train.optim;

/**
 * train_imagenet.py's warm-up for large batches: during the first {@code epochs} epochs the rate of
 * {@code schedule} is scaled by (e + 1)/{@code epochs} (e 0-based), afterwards it is unchanged.
 */
public record WarmUp(LearningRateSchedule schedule, int epochs) implements LearningRateSchedule {

  public WarmUp {
    if (epochs < 1) {
      throw new IllegalArgumentException("warm-up epochs must be ≥ 1, got " + epochs);
    }
  }

  @Override
  public double at(int epoch) {
    double rate = schedule.at(epoch);
    return epoch < epochs ? rate * (epoch + 1) / epochs : rate;
  }
}
