package org.moodnas.spark;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.moodnas.core.RunStatus;
import org.moodnas.spark.executor.FanOutTask;

/**
 * What a fanned-out job supplies to {@link TaskFanOut}: which task to start next, how to record an
 * outcome, and how the run ends. Called on the driver from one thread, but for {@link
 * #epochsEnded}, which Spark's listener thread calls while the others run.
 *
 * @param <T> the job's tasks
 * @param <R> what a task returns
 */
public interface FanOutPlan<T extends FanOutTask<R>, R extends Serializable> {

  /** What one task is called in progress lines: "trial", "evaluation". */
  String noun();

  /** The task to start now; empty when none can start before one in flight finishes. */
  Optional<T> next();

  /** The result of a task Spark gave up on after {@code attempts} attempts. */
  R failed(T task, String why, int attempts, double seconds);

  /**
   * A running task's most recently ended epochs (oldest first; the same ones may come again, and a
   * task retried by Spark starts over): record those not recorded yet. Its call for a task may
   * overlap {@link #completed} of the same task.
   */
  default void epochsEnded(T task, List<? extends Serializable> epochs) {}

  /**
   * Tasks in flight the job no longer needs, asked after each outcome: each is cancelled once, and
   * its outcome is then {@link #cancelled} (or its result, when it finished first).
   */
  default List<T> unneeded() {
    return List.of();
  }

  /** The outcome of a task cancelled as unneeded, after {@code seconds}. */
  default R cancelled(T task, double seconds) {
    throw new UnsupportedOperationException(noun() + "s are never cancelled");
  }

  /** A task's outcome, in the order tasks finish: record it. */
  void completed(T task, R result, int attempt, Instant started, Instant finished);

  /** A task's outcome as {@link #completedAll} gets it. */
  record Outcome<T, R>(T task, R result, int attempt, Instant started, Instant finished) {}

  /**
   * Outcomes that arrived together, in the order they finished: each to {@link #completed} in turn
   * unless the plan records them at once.
   */
  default void completedAll(List<Outcome<T, R>> outcomes) {
    for (Outcome<T, R> o : outcomes) {
      completed(o.task(), o.result(), o.attempt(), o.started(), o.finished());
    }
  }

  /** The run's status once nothing is in flight and nothing more starts. */
  RunStatus endStatus();
}
