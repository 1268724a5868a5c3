package org.moodnas.train.optim;

/**
 * PC-DARTS's warm-up for batches above 256 (its ImageNet search and training): epoch e (0-based) of
 * the first {@code epochs} runs at base·(e + 1)/{@code epochs}, which the published scripts write
 * over whatever the schedule gave; later epochs at {@code schedule}'s rate as it continues from
 * that overwrite ({@link LearningRateSchedule#overwrittenAt}: the linear schedule as if nothing
 * happened, PyTorch's cosine from the base rate the last warm-up epoch held).
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
    return epoch < epochs
        ? base * (epoch + 1) / epochs
        : schedule.overwrittenAt(epochs - 1, base).at(epoch);
  }
}
