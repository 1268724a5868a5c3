package org.moodnas.spark.executor;

import java.util.function.BooleanSupplier;
import org.apache.spark.TaskContext;

/**
 * Whether the driver asked the running Spark task to stop: the driver cancels a run's jobs when it
 * is told to stop (SIGTERM), and its jobs are set not to interrupt their task threads, so a task is
 * only marked killed and a training sees the request at its next step boundary, never in the middle
 * of writing a checkpoint.
 */
public final class TaskStop {

  private TaskStop() {}

  /**
   * True once the current task was marked killed. The task's context is captured here, on the task
   * thread, so the supplier answers from any thread the training polls it on; outside a Spark task
   * it never says stop.
   */
  public static BooleanSupplier requested() {
    TaskContext context = TaskContext.get();
    return () -> context != null && context.isInterrupted();
  }
}
