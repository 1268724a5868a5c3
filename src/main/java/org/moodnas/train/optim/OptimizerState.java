package org.moodnas.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Where optimizers keep arrays that live across steps. */
final class OptimizerState {

  private OptimizerState() {}

  /** Owned by {@code state}, but scoped to this step's manager until it closes. */
  static NDArray keep(NDArray a, NDManager state, NDManager step) {
    a.attach(state);
    a.tempAttach(step);
    return a;
  }
}
