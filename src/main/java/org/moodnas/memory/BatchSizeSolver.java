package org.moodnas.memory;

/**
 * A GPU's batch by the memory model: batches grow from 1 while the prediction stays under the GPU's
 * memory less a margin (the model is quadratic, so growth stops at the first batch that does not
 * fit rather than trusting a far batch whose prediction dips again). {@link #largestBatch} keeps
 * the last batch under that budget; {@link #firstBatchReachingBudget} returns the first one at or
 * over it, as batch_train.py's calculate_batch_size does.
 */
public final class BatchSizeSolver {

  public static final double DEFAULT_MARGIN_MB = 500;

  /** No dataset here uses batches this large; it bounds the scan. */
  static final int MAX_BATCH = 16_384;

  private final MemoryModel model;

  public BatchSizeSolver(MemoryModel model) {
    this.model = model;
  }

  /**
   * The largest batch whose predicted memory stays under {@code gpuMemoryMb − marginMb}.
   *
   * @throws IllegalArgumentException when not even a batch of 1 fits
   */
  public int largestBatch(double modelSizeMb, double gpuMemoryMb, double marginMb) {
    double budget = gpuMemoryMb - marginMb;
    int batch = 0;
    while (batch < MAX_BATCH && model.predictMb(modelSizeMb, batch + 1) <= budget) {
      batch++;
    }
    if (batch == 0) {
      throw new IllegalArgumentException(
          String.format(
              "a %.2f M-parameter network needs %.0f MB at batch 1, more than %.0f MB − %.0f MB"
                  + " margin",
              modelSizeMb, model.predictMb(modelSizeMb, 1), gpuMemoryMb, marginMb));
    }
    return batch;
  }

  /**
   * batch_train.py's rule: the first batch whose predicted memory reaches {@code gpuMemoryMb −
   * marginMb} (1 when a batch of 1 already does; the scan stops at {@link #MAX_BATCH}, where the
   * script's loop has no end).
   */
  public int firstBatchReachingBudget(double modelSizeMb, double gpuMemoryMb, double marginMb) {
    double budget = gpuMemoryMb - marginMb;
    int batch = 1;
    while (batch < MAX_BATCH && model.predictMb(modelSizeMb, batch) < budget) {
      batch++;
    }
    return batch;
  }
}
