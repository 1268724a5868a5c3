package org.moodnas.spark.executor;

import java.io.Serializable;

/**
 * Where a running trial task stands, sent from the executor in Spark heartbeats: the trial, the
 * executor running it, the epoch (0-based) and step within it, running loss and accuracy of the
 * epoch, throughput and the seconds since the task started.
 */
public record TaskProgress(
    int trialIndex,
    String executor,
    int epoch,
    int epochs,
    int step,
    int steps,
    double loss,
    double accuracy,
    double imagesPerSec,
    double elapsedSeconds)
    implements Serializable {

  /** Fraction of the trial's steps done, in [0, 1]. */
  public double fractionDone() {
    if (epochs <= 0 || steps <= 0) {
      return 0;
    }
    return Math.min(1, (epoch + (double) step / steps) / epochs);
  }

  /** Seconds left at the rate so far; NaN before any step is done. */
  public double etaSeconds() {
    double f = fractionDone();
    return f <= 0 ? Double.NaN : elapsedSeconds * (1 - f) / f;
  }
}
