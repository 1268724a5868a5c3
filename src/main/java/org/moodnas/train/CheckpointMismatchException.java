package org.moodnas.train;

/**
 * A trial's checkpoint was written by other code or for other settings: continuing from it would
 * not give the trial this code and these settings train. The message names what differs.
 */
public final class CheckpointMismatchException extends IllegalArgumentException {

  public CheckpointMismatchException(String message) {
    super(message);
  }
}
