package org.moodnas.train;

/** Receives progress while a trial trains (console, Spark accumulators, …). */
public interface TrainingProgress {

  TrainingProgress NONE = new TrainingProgress() {};

  /** After each weight step: running averages of the epoch so far. */
  default void step(
      int epoch, int step, int steps, double loss, double accuracy, double imagesPerSec) {}

  /** After each epoch. */
  default void epoch(SearchEpoch record) {}
}
