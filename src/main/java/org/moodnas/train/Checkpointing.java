package org.moodnas.train;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How a trial checkpoints: the folder of its states (null: it does not), how often within an epoch
 * (a state is also written at every epoch end), whether a state written for other settings is
 * discarded rather than refused, and the question asked at every step boundary whether to stop
 * (pre-emption: the trial checkpoints there and ends with {@link TrainingPausedException}).
 */
public record Checkpointing(
    String folder, Duration every, boolean discardMismatched, BooleanSupplier stopRequested) {

  /** The default interval within long epochs. */
  public static final Duration DEFAULT_EVERY = Duration.ofMinutes(10);

  /** No checkpoints, never stopped. */
  public static final Checkpointing NONE = new Checkpointing(null, DEFAULT_EVERY, false, null);

  public Checkpointing {
    if (every == null || every.isNegative()) {
      throw new IllegalArgumentException("checkpoint interval must be ≥ 0, got " + every);
    }
    if (stopRequested == null) {
      stopRequested = () -> false;
    }
  }

  /** Checkpoints into {@code folder} every {@code every}, refusing mismatched states. */
  public static Checkpointing into(String folder, Duration every, BooleanSupplier stopRequested) {
    return new Checkpointing(folder, every, false, stopRequested);
  }

  public boolean enabled() {
    return folder != null;
  }

  public Checkpointing discardingMismatched() {
    return new Checkpointing(folder, every, true, stopRequested);
  }
}
