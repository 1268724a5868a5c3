package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A constant operand of an op that autograd records, in memory the engine owns. DJL makes an array
 * from Java values as a tensor over a Java buffer without copying; PyTorch's graph keeps such an
 * operand for backward while the Java side may free the buffer first (when its scope closes, or a
 * garbage collection after {@code x.mul(2f)}): backward then reads freed memory (NaN at random
 * steps). A copy the engine owns lives as long as the graph needs it, whatever scope made it.
 */
public final class GraphConstant {

  private GraphConstant() {}

  /** A float32 scalar. */
  public static NDArray scalar(NDManager manager, double value) {
    try (NDArray javaBacked = manager.create((float) value)) {
      return javaBacked.duplicate(); // a clone: DJL's toType(same type) aliases the buffer
    }
  }

  /** Float32 values of {@code shape}. */
  public static NDArray of(NDManager manager, float[] values, Shape shape) {
    try (NDArray javaBacked = manager.create(values, shape)) {
      return javaBacked.duplicate();
    }
  }
}
