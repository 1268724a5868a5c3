package org.moodnas.nn.ops;

import ai.djl.nn.SequentialBlock;

/**
 * Separable convolution as DARTS defines it: two stacks of ReLU → depthwise conv → pointwise conv →
 * BN, the first with the stride, the second at stride 1.
 */
public final class SepConv extends SequentialBlock implements RectifiedInput {

  public SepConv(int cIn, int cOut, int kernel, int stride, int padding, Norm norm) {
    add(new Relu(true));
    add(Layers.conv(cIn, kernel, stride, padding, 1, cIn));
    add(Layers.pointwise(cIn));
    Layers.addNorm(this, norm);
    add(new Relu(true));
    add(Layers.conv(cIn, kernel, 1, padding, 1, cIn));
    add(Layers.pointwise(cOut));
    Layers.addNorm(this, norm);
  }
}
