package org.moodnas.spark.executor;

import java.util.function.Supplier;

/**
 * One training at a time per executor JVM: DJL's PyTorch gradient collector is global to the
 * process, so two trainings on two task threads would share (and corrupt) one collector.
 */
final class TrainingLock {

  private static final Object LOCK = new Object();

  private TrainingLock() {}

  static <T> T run(Supplier<T> training) {
    synchronized (LOCK) {
      return training.get();
    }
  }
}
