package org.moodnas.spark.executor;

import org.apache.spark.TaskContext;

/**
 * What Spark gave a running task: its attempt (1 = first) and the CPU threads its training may use
 * (spark.task.cpus on a cluster's executor; in local mode, where every task shares the driver's
 * cores, the job's share of them). Trainings never run more threads than that: oversubscribed
 * OpenMP threads slow PyTorch several-fold.
 */
public record TaskSlot(int attempt, int threads) {

  /** The slot of the task running on this thread; {@code localThreads} applies in local mode. */
  static TaskSlot current(int localThreads) {
    TaskContext ctx = TaskContext.get();
    if (ctx == null) {
      return new TaskSlot(1, localThreads);
    }
    boolean local = "driver".equals(TaskPlacement.executorId());
    return new TaskSlot(ctx.attemptNumber() + 1, local ? localThreads : ctx.cpus());
  }
}
