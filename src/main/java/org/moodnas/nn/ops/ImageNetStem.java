package org.moodnas.nn.ops;

import ai.djl.nn.SequentialBlock;

/**
 * DARTS's ImageNet stem, shared by the evaluation network and the supernet: stem0 (3×3 conv stride
 * 2 to C/2, norm, ReLU, 3×3 conv stride 2 to C, norm) gives s0 at 1/4 of the input; stem1 (ReLU,
 * 3×3 conv stride 2, norm) gives s1 = stem1(s0) at 1/8. Convolutions without bias.
 */
public final class ImageNetStem {

  /** The total stride of stem0 and stem1. */
  public static final int STRIDE = 8;

  private ImageNetStem() {}

  /** stem0 for {@code c} channels. */
  public static SequentialBlock stem0(int c, Norm norm) {
    SequentialBlock stem0 = new SequentialBlock();
    stem0.add(Layers.conv(c / 2, 3, 2, 1, 1, 1));
    Layers.addNorm(stem0, norm);
    stem0.add(new Relu());
    stem0.add(Layers.conv(c, 3, 2, 1, 1, 1));
    Layers.addNorm(stem0, norm);
    return stem0;
  }

  /** stem1 for {@code c} channels. */
  public static SequentialBlock stem1(int c, Norm norm) {
    SequentialBlock stem1 = new SequentialBlock();
    stem1.add(new Relu());
    stem1.add(Layers.conv(c, 3, 2, 1, 1, 1));
    Layers.addNorm(stem1, norm);
    return stem1;
  }
}
