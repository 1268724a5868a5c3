package org.moodnas.nn.ops;

import ai.djl.nn.SequentialBlock;

/** ReLU → Conv(k, stride, padding) → BN, the DARTS preprocessing and stem-side unit. */
public final class ReLUConvBN extends SequentialBlock {

  public ReLUConvBN(int cOut, int kernel, int stride, int padding, Norm norm) {
    add(new Relu());
    add(Layers.conv(cOut, kernel, stride, padding, 1, 1));
    Layers.addNorm(this, norm);
  }
}
