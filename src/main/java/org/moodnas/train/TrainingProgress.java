package org.moodnas.train;

/**
 * Receives progress while a trial trains (console, Spark accumulators, …).
 *
 * @param <E> the per-epoch record ({@link SearchEpoch} or {@link EvalEpoch})
 */
public interface TrainingProgress<E> {

  /** Progress that goes nowhere. */
  static <E> TrainingProgress<E> none() {
    return new TrainingProgress<>() {};
  }

  /** Once, before the first step: a line about what trains (the supernet's size, say). */
  default void started(String line) {}

  /** After each weight step: running averages of the epoch so far. */
  default void step(
      int epoch, int step, int steps, double loss, double accuracy, double imagesPerSec) {}

  /** After each epoch. */
  default void epoch(E record) {}
}
