package org.moodnas.spark.executor;

import java.io.Serializable;

/**
 * One unit of a fanned-out job (a search trial, an evaluation) as a Spark task: what the executor
 * needs to run it, serialized with the task.
 *
 * @param <R> what it returns to the driver
 */
public interface FanOutTask<R extends Serializable> extends Serializable {

  /** Its number within the run (trial index, evaluation order). */
  int index();

  /** How the Spark UI names its job. */
  String description();

  /**
   * Runs on the executor, reporting into {@code progress}. The accumulator must travel in the
   * task's closure, not in its data: Spark registers an accumulator with the running task (and so
   * sends it in heartbeats) only when it is deserialized inside the task.
   *
   * @param slot Spark's attempt and the threads the training may use
   */
  R run(ProgressAccumulator progress, TaskSlot slot) throws InterruptedException;
}
