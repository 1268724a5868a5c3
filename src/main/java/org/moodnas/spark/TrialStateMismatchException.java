package org.moodnas.spark;

/**
 * A trial found a training state written by other code or for other settings and refused to
 * continue from it: the run stops rather than record the trial as failed, and the message (one
 * line) names what differs.
 */
public final class TrialStateMismatchException extends IllegalArgumentException {

  /** How the executor's refusal reads in the failure Spark reports. */
  static final String MARK = "CheckpointMismatchException: ";

  TrialStateMismatchException(String message) {
    super(message);
  }

  /** The refusal in a failure Spark reports, if that is what it is. */
  static TrialStateMismatchException in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      int at = m.indexOf(MARK);
      if (at >= 0) {
        return new TrialStateMismatchException(
            m.substring(at + MARK.length()).lines().findFirst().orElse(""));
      }
    }
    return null;
  }
}
