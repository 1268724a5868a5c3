package org.moodnas.train.optim;

/** The learning rate of each epoch (0-based), set once before the epoch runs. */
public interface LearningRateSchedule {

  double at(int epoch);
}
