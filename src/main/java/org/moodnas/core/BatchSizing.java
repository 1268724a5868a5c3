package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * How an evaluation's batch is chosen: {@code batchSize} when given; else, on a GPU, the batch the
 * memory model ({@code memoryModel}: a saved model's folder, null: the published one) picks for the
 * free memory less {@code marginMb} by {@code batchRule}; else the spec's batch. An out-of-memory
 * failure is retried with a batch 5 smaller down to {@code minBatchSize}.
 */
public record BatchSizing(
    Integer batchSize, int minBatchSize, double marginMb, String memoryModel, BatchRule batchRule)
    implements Serializable {

  /** batch_train.py's margin (500 MB) and rule. */
  public static final BatchSizing DEFAULT =
      new BatchSizing(null, 8, 500, null, BatchRule.PUBLISHED);

  public BatchSizing {
    require(batchSize == null || batchSize >= 1, "batchSize", "must be ≥ 1, got " + batchSize);
    require(minBatchSize >= 1, "minBatchSize", "must be ≥ 1, got " + minBatchSize);
    require(
        marginMb >= 0 && Double.isFinite(marginMb),
        "marginMb",
        "must be finite and ≥ 0, got " + marginMb);
    // Runs recorded before the rule was a setting sized under the budget; a resume keeps that.
    if (batchRule == null) {
      batchRule = BatchRule.UNDER_BUDGET;
    }
  }
}
