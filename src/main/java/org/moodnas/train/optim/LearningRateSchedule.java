package org.moodnas.train.optim;

/** The learning rate of each epoch (0-based), set once before the epoch runs. */
public interface LearningRateSchedule {

  double at(int epoch);

  /**
   * This schedule after a script wrote {@code rate} over epoch {@code epoch}'s rate (a warm-up): a
   * schedule that sets each epoch's rate afresh (train_imagenet.py's adjust_lr) is unchanged; one
   * that steps from the optimizer's current rate (PyTorch's cosine) continues from {@code rate}.
   */
  default LearningRateSchedule overwrittenAt(int epoch, double rate) {
    return this;
  }
}
