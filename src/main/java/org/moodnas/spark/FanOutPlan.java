package org.moodnas.spark;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.moodnas.core.RunStatus;
import org.moodnas.spark.executor.FanOutTask;

/**
 * What a fanned-out job supplies to {@link TaskFanOut}: which task to start next, how to record an
 * outcome, and how the run ends. Called on the driver from one thread.
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

  /** A task's outcome, in the order tasks finish: record it. */
  void completed(T task, R result, int attempt, Instant started, Instant finished);

  /** The run's status once nothing is in flight and nothing more starts. */
  RunStatus endStatus();
}
