package org.moodnas.train.optim;

/**
 * PC-DARTS train_imagenet.py's adjust_lr: from {@code base} linearly towards 0 over the first T − 5
 * of T epochs, then a smaller slope over the last 5, so the last epochs keep a small positive rate:
 * base·(T − 5 − e)/(T − 5) while T − e > 5, else base·(T − e)/(5·(T − 5)). Needs T > 5.
 */
public record LinearSchedule(double base, int epochs) implements LearningRateSchedule {

  private static final int TAIL = 5;

  public LinearSchedule {
    if (epochs <= TAIL) {
      throw new IllegalArgumentException("the linear schedule needs > 5 epochs, got " + epochs);
    }
  }

  @Override
  public double at(int epoch) {
    if (epochs - epoch > TAIL) {
      return base * (epochs - TAIL - epoch) / (epochs - TAIL);
    }
    return base * (epochs - epoch) / ((double) (epochs - TAIL) * TAIL);
  }
}
