package org.moodnas.spark.executor;

import org.moodnas.train.TrainingProgress;

/** Executor side: a training's step progress into the trial's {@link ProgressAccumulator}. */
final class TaskProgressReporter<E> implements TrainingProgress<E> {

  private final ProgressAccumulator accumulator;
  private final int trialIndex;
  private final int epochs;
  private final long start = System.nanoTime();

  TaskProgressReporter(ProgressAccumulator accumulator, int trialIndex, int epochs) {
    this.accumulator = accumulator;
    this.trialIndex = trialIndex;
    this.epochs = epochs;
  }

  @Override
  public void step(int epoch, int step, int steps, double loss, double acc, double imagesPerSec) {
    if (accumulator != null) {
      accumulator.add(
          new TaskProgress(
              trialIndex,
              TaskPlacement.executorId(),
              epoch,
              epochs,
              step,
              steps,
              loss,
              acc,
              imagesPerSec,
              (System.nanoTime() - start) / 1e9));
    }
  }
}
