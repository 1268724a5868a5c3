package org.moodnas.train;

import ai.djl.ndarray.NDArray;

/** Mean softmax cross-entropy and the count of correct top-1 predictions. */
final class CrossEntropy {

  private CrossEntropy() {}

  /** labels: int or float class indices (N). */
  static NDArray mean(NDArray logits, NDArray labels) {
    NDArray logProbs = logits.logSoftmax(1);
    NDArray picked =
        logProbs.gather(
            labels.toType(ai.djl.ndarray.types.DataType.INT64, false).reshape(-1, 1), 1);
    return picked.mean().neg();
  }

  /** Number of rows whose arg-max is the label, as a float scalar. */
  static NDArray correct(NDArray logits, NDArray labels) {
    return logits
        .argMax(1)
        .eq(labels.toType(ai.djl.ndarray.types.DataType.INT64, false))
        .toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
        .sum();
  }
}
