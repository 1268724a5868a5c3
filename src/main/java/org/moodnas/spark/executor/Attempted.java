package org.moodnas.spark.executor;

import java.io.Serializable;
import org.apache.spark.TaskContext;

/** A task's result as it comes back to the driver, with Spark's attempt number (1 = first). */
public record Attempted<R extends Serializable>(R result, int attempt) implements Serializable {

  /** Runs {@code task} in the current Spark task. */
  public static <R extends Serializable> Attempted<R> run(
      FanOutTask<R> task, ProgressAccumulator progress) throws InterruptedException {
    TaskContext ctx = TaskContext.get();
    int attempt = ctx == null ? 1 : ctx.attemptNumber() + 1;
    return new Attempted<>(task.run(progress, attempt), attempt);
  }
}
