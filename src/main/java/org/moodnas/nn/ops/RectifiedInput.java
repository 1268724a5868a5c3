package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A sequential operation whose first layer is a channels-last {@link Relu}: a mixed edge rectifies
 * its input once ({@link Relu#channelsLast}) and hands the result to all of them (PC-DARTS's four
 * convolutions on an edge would each copy and rectify the same input, and backward would keep four
 * copies of it).
 */
public interface RectifiedInput extends Block {

  /** The operation's output given {@code Relu.channelsLast(x)} instead of {@code x}. */
  default NDArray forwardRectified(ParameterStore store, NDArray rectified, boolean training) {
    NDList h = new NDList(rectified);
    for (Block layer : getChildren().subList(1).values()) {
      h = layer.forward(store, h, training);
    }
    return h.head();
  }
}
