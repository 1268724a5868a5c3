package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * Where one trial keeps its training states and how often: {@code folder} (any Hadoop path; null:
 * no checkpoints), a state every {@code everyMinutes} within an epoch (besides one at every epoch
 * end), and whether a state written for other settings or other code is discarded (the trial starts
 * over) rather than refused.
 */
public record CheckpointSpec(String folder, double everyMinutes, boolean discardMismatched)
    implements Serializable {

  /** Minutes between states within an epoch unless told otherwise. */
  public static final double DEFAULT_MINUTES = 10;

  /** No training states. */
  public static final CheckpointSpec NONE = new CheckpointSpec(null, DEFAULT_MINUTES, false);

  public CheckpointSpec {
    require(
        everyMinutes >= 0 && Double.isFinite(everyMinutes),
        "checkpointMinutes",
        "must be finite and ≥ 0, got " + everyMinutes);
  }

  /** The same settings for another trial's folder. */
  public CheckpointSpec in(String trialFolder) {
    return new CheckpointSpec(trialFolder, everyMinutes, discardMismatched);
  }
}
