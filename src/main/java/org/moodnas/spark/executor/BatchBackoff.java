package org.moodnas.spark.executor;

import java.util.function.IntFunction;
import org.moodnas.train.DeviceOutOfMemoryException;

/**
 * Runs a training and, when the device runs out of memory, runs it again with a batch 5 smaller, as
 * published, until it fits or the batch would fall below a floor.
 */
public final class BatchBackoff {

  public static final int STEP = 5;

  /**
   * What the last attempt gave: its value (null when every batch ran out of memory, with the last
   * error), the batch it used and how many attempts were made.
   */
  public record Outcome<T>(
      T value, int batchSize, int attempts, DeviceOutOfMemoryException error) {}

  private BatchBackoff() {}

  public static <T> Outcome<T> run(int batchSize, int floor, IntFunction<T> training) {
    if (batchSize < 1 || floor < 1) {
      throw new IllegalArgumentException(
          "batch size " + batchSize + " and floor " + floor + " must be positive");
    }
    int batch = batchSize;
    for (int attempt = 1; ; attempt++) {
      try {
        return new Outcome<>(training.apply(batch), batch, attempt, null);
      } catch (DeviceOutOfMemoryException e) {
        if (batch - STEP < floor) {
          return new Outcome<>(null, batch, attempt, e);
        }
        batch -= STEP;
      }
    }
  }
}
