package org.moodnas.train;

/** A loss became NaN or infinite: the trial cannot go on. */
public class NonFiniteLossException extends RuntimeException {
  public NonFiniteLossException(String what, int epoch, int step, double value) {
    super(what + " is " + value + " at epoch " + epoch + ", step " + step);
  }
}
