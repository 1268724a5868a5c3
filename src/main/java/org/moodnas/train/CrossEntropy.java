package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.moodnas.nn.ops.GraphConstant;

/** Mean softmax cross-entropy (plain or label-smoothed) and counts of correct predictions. */
final class CrossEntropy {

  private CrossEntropy() {}

  /** labels: int or float class indices (N). */
  static NDArray mean(NDArray logits, NDArray labels) {
    return nll(logits.logSoftmax(1), labels);
  }

  /**
   * PC-DARTS's CrossEntropyLabelSmooth: the targets are (1 − ε)·one-hot + ε/K over K classes, the
   * loss the batch mean of Σ_k −target_k·log softmax_k, i.e. (1 − ε)·cross-entropy + ε·the mean of
   * −log softmax over the classes. ε = 0 is {@link #mean} itself.
   */
  static NDArray smoothed(NDArray logits, NDArray labels, double epsilon) {
    if (epsilon == 0) {
      return mean(logits, labels);
    }
    NDArray logProbs = logits.logSoftmax(1);
    NDArray nll = nll(logProbs, labels);
    NDArray uniform = logProbs.mean(new int[] {1}).mean().neg();
    return nll.mul(GraphConstant.scalar(nll.getManager(), 1 - epsilon))
        .add(uniform.mul(GraphConstant.scalar(nll.getManager(), epsilon)));
  }

  /** Number of rows whose arg-max is the label, as a float scalar. */
  static NDArray correct(NDArray logits, NDArray labels) {
    return logits.argMax(1).eq(indices(labels)).toType(DataType.FLOAT32, false).sum();
  }

  /**
   * Number of rows whose label is among the {@code k} highest logits (fewer than k logits above the
   * label's; a tie counts in the label's favour), as a float scalar.
   */
  static NDArray correctTopK(NDArray logits, NDArray labels, int k) {
    NDArray labelLogit = logits.gather(indices(labels).reshape(-1, 1), 1);
    NDArray above = logits.gt(labelLogit).toType(DataType.INT32, false).sum(new int[] {1});
    return above.lt(k).toType(DataType.FLOAT32, false).sum();
  }

  /** The batch mean of −log p(label). */
  private static NDArray nll(NDArray logProbs, NDArray labels) {
    return logProbs.gather(indices(labels).reshape(-1, 1), 1).mean().neg();
  }

  private static NDArray indices(NDArray labels) {
    return labels.toType(DataType.INT64, false);
  }
}
