package org.moodnas.spark.executor;

import java.io.Serializable;
import java.time.Instant;

/**
 * A task's result as it comes back to the driver, with Spark's attempt number (1 = first) and when
 * that attempt began on its executor (null when Spark gave up and the driver made the result).
 */
public record Attempted<R extends Serializable>(R result, int attempt, Instant started)
    implements Serializable {

  /** Runs {@code task} in the current Spark task; {@code localThreads}: see {@link TaskSlot}. */
  public static <R extends Serializable> Attempted<R> run(
      FanOutTask<R> task, ProgressAccumulator progress, int localThreads)
      throws InterruptedException {
    Instant started = Instant.now();
    TaskSlot slot = TaskSlot.current(localThreads);
    return new Attempted<>(task.run(progress, slot), slot.attempt(), started);
  }
}
