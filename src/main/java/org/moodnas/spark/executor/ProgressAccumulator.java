package org.moodnas.spark.executor;

import org.apache.spark.util.AccumulatorV2;

/**
 * One trial's latest {@link TaskProgress}. Spark ships a running task's accumulators to the driver
 * with each executor heartbeat, which is how the driver sees progress before the task ends; the
 * latest report wins.
 */
public final class ProgressAccumulator extends AccumulatorV2<TaskProgress, TaskProgress> {

  /** The name the driver's listener looks for. */
  public static final String NAME = "mood-nas trial progress";

  /**
   * The name of a run's accumulators: runs fanned out at once in one driver share its heartbeats,
   * and each run's listener must take only its own trials (their indices overlap).
   */
  public static String name(String runId) {
    return NAME + " of run " + runId;
  }

  private TaskProgress latest;

  @Override
  public boolean isZero() {
    return latest == null;
  }

  @Override
  public ProgressAccumulator copy() {
    ProgressAccumulator c = new ProgressAccumulator();
    c.latest = latest;
    return c;
  }

  @Override
  public void reset() {
    latest = null;
  }

  @Override
  public void add(TaskProgress v) {
    latest = v;
  }

  @Override
  public void merge(AccumulatorV2<TaskProgress, TaskProgress> other) {
    if (other.value() != null) {
      latest = other.value();
    }
  }

  @Override
  public TaskProgress value() {
    return latest;
  }
}
