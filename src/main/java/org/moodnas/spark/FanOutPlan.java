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
 * #epochsEnded}, which Spark's listener thread calls while the others run, and the recordings
 * {@link #arrived} returns, which run on a recording thread.
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
   * overlap the recording of the same task's outcome.
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

  /** A task's outcome as {@link #arrived} gets it. */
  record Outcome<T, R>(T task, R result, int attempt, Instant started, Instant finished) {}

  /**
   * Outcomes that arrived together, in the order they finished. The plan takes them in at once, on
   * the loop's thread, so that the next tasks start from them, and returns what is left of
   * recording them: that runs on one recording thread, in arrival order, while the next tasks run.
   * By default each goes to {@link #completed} in turn and nothing is left.
   */
  default Runnable arrived(List<Outcome<T, R>> outcomes) {
    for (Outcome<T, R> o : outcomes) {
      completed(o.task(), o.result(), o.attempt(), o.started(), o.finished());
    }
    return () -> {};
  }

  /** The run's status once nothing is in flight and nothing more starts. */
  RunStatus endStatus();
}
