package org.moodnas.nn.ops;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

/** PyTorch-style constructors for the two layers every operation is made of. */
public final class Layers {

  private Layers() {}

  /** nn.Conv2d(·, filters, kernel, stride, padding, dilation, groups, bias=False). */
  public static Block conv(
      int filters, int kernel, int stride, int padding, int dilation, int groups) {
    if (SubsampledConv.applies(kernel, stride, padding, dilation)) {
      return new SubsampledConv(
          builder(filters, kernel, kernel, stride, stride, padding, padding, dilation, groups));
    }
    return conv(filters, kernel, kernel, stride, stride, padding, padding, dilation, groups);
  }

  /** A convolution with a rectangular kernel (conv_7x1_1x7), no bias. */
  public static Block conv(
      int filters, int kh, int kw, int sh, int sw, int ph, int pw, int dilation, int groups) {
    return builder(filters, kh, kw, sh, sw, ph, pw, dilation, groups).build();
  }

  private static Conv2d.Builder builder(
      int filters, int kh, int kw, int sh, int sw, int ph, int pw, int dilation, int groups) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kh, kw))
        .optStride(new Shape(sh, sw))
        .optPadding(new Shape(ph, pw))
        .optDilation(new Shape(dilation, dilation))
        .optGroups(groups)
        .optBias(false);
  }

  /** nn.Conv2d(·, filters, 1, bias=False). */
  public static Block pointwise(int filters) {
    return conv(filters, 1, 1, 0, 1, 1);
  }

  /**
   * nn.BatchNorm2d(C, affine): eps 1e-5, PyTorch momentum 0.1 (DJL counts momentum the other way
   * round). Non-affine keeps the fixed scale 1 and shift 0 out of training. Synchronized over the
   * shards of a data-parallel step ({@link SyncBatchNorm}), DJL's BatchNorm otherwise.
   */
  public static Block batchNorm(boolean affine) {
    return new SyncBatchNorm(1e-5f, 0.9f, affine);
  }

  /** Ends {@code block} with the batch normalization {@code norm} says, if any. */
  public static void addNorm(SequentialBlock block, Norm norm) {
    if (norm != Norm.NONE) {
      block.add(batchNorm(norm == Norm.AFFINE));
    }
  }
}
