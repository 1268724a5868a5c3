package org.moodnas.spark.executor;

import java.io.Serializable;
import java.util.List;

/**
 * Where a running trial task stands, sent from the executor in Spark heartbeats: the trial, the
 * executor running it, the epoch (0-based) and step within it, running loss and accuracy of the
 * epoch, throughput, the seconds since the task started, and the records of its most recently ended
 * epochs (at most {@link #ENDED_EPOCHS}, oldest first), for the driver to record as they end.
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
    double elapsedSeconds,
    List<? extends Serializable> endedEpochs)
    implements Serializable {

  /**
   * How many ended epochs travel in each report: heartbeats come every second, so the driver sees
   * every epoch unless 64 end between two; the trial's result lists them all anyway.
   */
  public static final int ENDED_EPOCHS = 64;

  public TaskProgress {
    endedEpochs = List.copyOf(endedEpochs);
  }

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
