package org.moodnas.nn.ops;

import ai.djl.nn.SequentialBlock;

/** Dilated separable convolution: ReLU → dilated depthwise conv → pointwise conv → BN. */
public final class DilConv extends SequentialBlock implements RectifiedInput {

  public DilConv(int cIn, int cOut, int kernel, int stride, int padding, int dilation, Norm norm) {
    add(new Relu(true));
    add(Layers.conv(cIn, kernel, stride, padding, dilation, cIn));
    add(Layers.pointwise(cOut));
    Layers.addNorm(this, norm);
  }
}
