package org.moodnas.train.optim;

/**
 * PyTorch's CosineAnnealingLR over {@code epochs} = T, read once per epoch. Scripts differ in when
 * they step it: train.py, train_search.py and train_search_imagenet.py read the rate at the start
 * of an epoch and step at its end (epoch e trains at step e); train_imagenet.py steps before the
 * epoch ({@code steppedBefore}: epoch e trains at step e + 1, so the last epoch trains at {@code
 * min}).
 *
 * <p>PyTorch computes each step from the rate the optimizer holds (its recursive form), so a rate a
 * script wrote over it (a warm-up) carries on: from {@code start} at step k₀ = {@code fromStep},
 * step k gives min + (start − min)·(1 + cos(π·k/T))/(1 + cos(π·k₀/T)). Left alone (k₀ = 0, start
 * the base rate) that is the closed form min + (start − min)·(1 + cos(π·k/T))/2.
 */
public record CosineSchedule(
    double start, double min, int epochs, boolean steppedBefore, int fromStep)
    implements LearningRateSchedule {

  /** Stepped after each epoch from {@code max} at step 0 (train.py, train_search.py). */
  public CosineSchedule(double max, double min, int epochs) {
    this(max, min, epochs, false, 0);
  }

  @Override
  public double at(int epoch) {
    return min + (start - min) * (1 + cos(step(epoch))) / (1 + cos(fromStep));
  }

  /** PyTorch's scheduler continues from the rate written over epoch {@code epoch}'s. */
  @Override
  public LearningRateSchedule overwrittenAt(int epoch, double rate) {
    return new CosineSchedule(rate, min, epochs, steppedBefore, step(epoch));
  }

  private int step(int epoch) {
    return steppedBefore ? epoch + 1 : epoch;
  }

  private double cos(int step) {
    return Math.cos(Math.PI * step / epochs);
  }
}
