package org.moodnas.nn.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Drops a whole path per sample with probability p and rescales survivors by 1/(1-p). */
public final class DropPath {

  private DropPath() {}

  public static NDArray apply(NDArray x, float dropProb) {
    if (dropProb <= 0f) {
      return x;
    }
    float keep = 1f - dropProb;
    Shape perSample = new Shape(x.getShape().get(0), 1, 1, 1);
    NDArray mask =
        x.getManager()
            .randomUniform(0f, 1f, perSample, x.getDataType(), x.getDevice())
            .lt(keep)
            .toType(x.getDataType(), false);
    return x.mul(mask.div(keep)); // the mask needs no gradient, so keep is not held for backward
  }
}
