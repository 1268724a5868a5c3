package org.moodnas.spark.executor;

import java.time.Duration;
import org.moodnas.core.CheckpointSpec;
import org.moodnas.train.Checkpointing;

/**
 * A task's trainer checkpointing: the trial's folder and interval, and a stop request when Spark
 * marks the task killed (its job cancelled: the driver pauses the run), which the trainer answers
 * at its next step boundary by writing its state and ending.
 */
final class TaskCheckpointing {

  private TaskCheckpointing() {}

  static Checkpointing of(CheckpointSpec spec) {
    if (spec == null || spec.folder() == null) {
      return new Checkpointing(null, Checkpointing.DEFAULT_EVERY, false, TaskStop.requested());
    }
    Duration every = Duration.ofMillis(Math.round(spec.everyMinutes() * 60_000));
    return new Checkpointing(spec.folder(), every, spec.discardMismatched(), TaskStop.requested());
  }
}
