package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A convolution whose stride equals its dilation d (a reducing dil_conv: 2 and 2), computed as the
 * undilated stride-1 convolution of every d-th row and column: out[h] = Σᵢ w[i]·x[d·h + d·i − p] =
 * Σᵢ w[i]·x[d·(h + i − p/d)]. The same products and the same weight, saved and counted as the
 * configured convolution; oneDNN has no direct kernel for strided dilated depthwise backward and
 * falls back to im2col and GEMM (5 ms a call on an 8-channel 32×32 edge at batch 64).
 */
public final class SubsampledConv extends Conv2d {

  SubsampledConv(Conv2d.Builder builder) {
    super(builder);
  }

  /** Whether a convolution of this configuration can be computed so. */
  static boolean applies(int kernel, int stride, int padding, int dilation) {
    return stride > 1 && stride == dilation && padding == dilation * (kernel - 1) / 2;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (!ChannelsLast.pays(x)) {
      return super.forwardInternal(store, inputs, training, params);
    }
    NDArray w = store.getValue(weight, x.getDevice(), training);
    long d = dilation.get(0);
    NDArray rows = x.get(new NDIndex(":, :, ::" + d + ", ::" + d));
    Shape pad = new Shape(padding.get(0) / d, padding.get(1) / d);
    return Conv2d.conv2d(rows, w, null, new Shape(1, 1), pad, new Shape(1, 1), groups);
  }
}
