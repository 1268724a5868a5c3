package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.UnaryOperator;

/**
 * Runs a piece of a forward pass in a scope of its own: the arrays it makes on the way die with the
 * scope, only its result is kept (in {@code keepIn}). Autograd holds its own references to what
 * backward needs, so closing the Java handles early lowers the step's peak memory.
 */
public final class Scoped {

  private Scoped() {}

  /** {@code f(x)}, its result attached to {@code keepIn}; {@code f} must not return {@code x}. */
  public static NDArray apply(NDArray x, NDManager keepIn, UnaryOperator<NDArray> f) {
    try (NDManager scope = x.getManager().newSubManager()) {
      x.tempAttach(scope);
      NDArray out = f.apply(x);
      if (out == x) {
        throw new IllegalStateException("a scoped forward returned its input");
      }
      out.attach(keepIn);
      return out;
    }
  }
}
