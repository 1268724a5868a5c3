package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;

/**
 * A constant operand for an op that autograd records. DJL's {@code x.mul(2f)} wraps the number in a
 * CPU tensor over a Java buffer without copying, and closes it right after the op; PyTorch's graph
 * still holds that tensor for backward, so a garbage collection in between hands backward freed
 * memory (a NaN at a random step). Made here, the scalar lives in {@code x}'s manager — the
 * training step's — until after backward.
 */
public final class GraphScalar {

  private GraphScalar() {}

  public static NDArray like(NDArray x, double value) {
    return x.getManager().create((float) value);
  }
}
