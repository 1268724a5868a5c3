package org.moodnas.nn.ops;

import ai.djl.nn.SequentialBlock;

/** conv_7x1_1x7 of NASNet/AmoebaNet: ReLU → conv (1×7) → conv (7×1) → BN. */
public final class Conv7x1x7 extends SequentialBlock {

  public Conv7x1x7(int c, int stride, Norm norm) {
    add(new Relu());
    add(Layers.conv(c, 1, 7, 1, stride, 0, 3, 1, 1));
    add(Layers.conv(c, 7, 1, stride, 1, 3, 0, 1, 1));
    Layers.addNorm(this, norm);
  }
}
