package org.moodnas.train.optim;

/**
 * PC-DARTS's warm-up for batches above 256 (its ImageNet search and training): epoch e (0-based) of
 * the first {@code epochs} runs at base·(e + 1)/{@code epochs} — the base rate, as the published
 * scripts set it over whatever the schedule gave —, later epochs at {@code schedule}'s rate (which
 * runs from epoch 0, under the warm-up).
 */
public record WarmUp(LearningRateSchedule schedule, double base, int epochs)
    implements LearningRateSchedule {

  public WarmUp {
    if (schedule == null || epochs < 1) {
      throw new IllegalArgumentException(
          "a warm-up needs a schedule and ≥ 1 epochs, got " + epochs);
    }
  }

  @Override
  public double at(int epoch) {
    return epoch < epochs ? base * (epoch + 1) / epochs : schedule.at(epoch);
  }
}
