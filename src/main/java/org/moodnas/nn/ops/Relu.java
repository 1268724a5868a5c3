package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** ReLU with a known output shape (DJL's lambda block runs the function to learn its shape). */
public final class Relu extends AbstractBlock {

  private final boolean channelsLast;

  public Relu() {
    this(false);
  }

  /**
   * A ReLU whose output is stored channels-last when {@code channelsLast}: oneDNN then runs the
   * depthwise and pointwise convolutions after it on that layout directly (see {@link
   * ChannelsLast}).
   */
  public Relu(boolean channelsLast) {
    this.channelsLast = channelsLast;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    return new NDList(channelsLast ? channelsLast(x) : Activation.relu(x));
  }

  /**
   * ReLU of a channels-last copy of {@code x} (on the CPU: {@link ChannelsLast#pays}). Copied
   * before the ReLU, not after: backward then keeps one array (the ReLU's output, which the
   * convolution reads too), not two.
   */
  public static NDArray channelsLast(NDArray x) {
    return Activation.relu(ChannelsLast.pays(x) ? ChannelsLast.of(x) : x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
