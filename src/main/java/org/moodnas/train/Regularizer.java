package org.moodnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * The MOOD-NAS penalties over a list of weight arrays (every trainable network parameter, biases
 * and the stem's BN scale and shift included; never α, β or non-affine BN constants).
 */
public final class Regularizer {

  private Regularizer() {}

  /** Σ|w| over all arrays, as a scalar array. */
  public static NDArray l1(List<NDArray> weights) {
    NDList sums = new NDList(weights.size());
    weights.forEach(w -> sums.add(w.abs().sum()));
    return NDArrays.stack(sums).sum();
  }

  /** Σw² over all arrays, as a scalar array. */
  public static NDArray l2(List<NDArray> weights) {
    NDList sums = new NDList(weights.size());
    weights.forEach(w -> sums.add(w.square().sum()));
    return NDArrays.stack(sums).sum();
  }
}
