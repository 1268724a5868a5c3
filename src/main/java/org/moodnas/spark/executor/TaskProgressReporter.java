package org.moodnas.spark.executor;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.moodnas.train.TrainingProgress;

/**
 * Executor side: a training's step progress and its ended epochs into the trial's {@link
 * ProgressAccumulator}.
 */
final class TaskProgressReporter<E extends Serializable> implements TrainingProgress<E> {

  private final ProgressAccumulator accumulator;
  private final int trialIndex;
  private final int epochs;
  private final long start = System.nanoTime();
  private final Deque<E> ended = new ArrayDeque<>();
  private List<E> endedEpochs = List.of();
  private TaskProgress latest;

  TaskProgressReporter(ProgressAccumulator accumulator, int trialIndex, int epochs) {
    this.accumulator = accumulator;
    this.trialIndex = trialIndex;
    this.epochs = epochs;
  }

  @Override
  public void step(int epoch, int step, int steps, double loss, double acc, double imagesPerSec) {
    latest =
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
            (System.nanoTime() - start) / 1e9,
            endedEpochs);
    report();
  }

  /** The epoch joins the window of ended ones the next heartbeat carries (the latest win). */
  @Override
  public void epoch(E record) {
    ended.addLast(record);
    if (ended.size() > TaskProgress.ENDED_EPOCHS) {
      ended.removeFirst();
    }
    endedEpochs = List.copyOf(ended);
    if (latest != null) {
      TaskProgress p = latest;
      latest =
          new TaskProgress(
              p.trialIndex(),
              p.executor(),
              p.epoch(),
              p.epochs(),
              p.step(),
              p.steps(),
              p.loss(),
              p.accuracy(),
              p.imagesPerSec(),
              (System.nanoTime() - start) / 1e9,
              endedEpochs);
      report();
    }
  }

  private void report() {
    if (accumulator != null) {
      accumulator.add(latest);
    }
  }
}
