package org.moodnas.bench;

/**
 * A step benchmark's outcome: the CPU threads it ran on and the native allocator, the batch, how
 * many values the step trains (to check a reference trains the same network), median milliseconds
 * per step, images per second at that median, the process's resident memory after the warm-up and
 * at the end, and its peak (MB); with {@code --checkpoint}, what writing training states costs.
 */
public record BenchResult(
    String bench,
    int threads,
    String allocator,
    int batchSize,
    long trainedParams,
    int steps,
    double msPerStep,
    double imagesPerSec,
    double rssAfterWarmupMb,
    double rssEndMb,
    double peakRssMb,
    StateCost state) {

  /**
   * What checkpointing costs these steps: a state's size, the training's stall while it is copied
   * to host memory (median ms) and its write to a file by the writer thread (median ms, while
   * training would go on); null when not measured.
   */
  public record StateCost(double stateMb, double stallMs, double writeMs, int states) {

    /** The share of throughput lost when a state is written every {@code minutes}. */
    public double lossAtInterval(double minutes) {
      return stallMs / (minutes * 60_000 + stallMs);
    }
  }
}
