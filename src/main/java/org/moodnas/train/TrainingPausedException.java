package org.moodnas.train;

/**
 * A training stopped because it was asked to (pre-emption): its state is checkpointed at the step
 * where it stopped, and the next start of the same trial continues from there.
 */
public final class TrainingPausedException extends RuntimeException {

  public TrainingPausedException(String message) {
    super(message);
  }
}
