package org.moodnas.nn.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import org.moodnas.nn.ops.ImageNetStem;

/**
 * DARTS's NetworkImageNet: stem0 (two stride-2 3×3 convs, C/2 then C) gives s0, stem1 (ReLU,
 * stride-2 3×3 conv) gives s1 at 1/8 of the input; the first cell therefore reduces s0.
 */
public final class ImageNetNetwork extends EvalNetwork {

  private final SequentialBlock stem0;
  private final SequentialBlock stem1;

  public ImageNetNetwork(NetworkSpec spec) {
    super(spec);
    int c = spec.initChannels();
    stem0 = ImageNetStem.stem0(c, spec.norm());
    addChildBlock("stem0", stem0);
    stem1 = ImageNetStem.stem1(c, spec.norm());
    addChildBlock("stem1", stem1);
    int size = spec.imageSize();
    for (int i = 0; i < 5; i++) { // 3 stem strides + 2 reduction cells
      size = (size + 1) / 2;
    }
    addCells(true, size);
  }

  @Override
  protected NDList stem(ParameterStore store, NDArray images, boolean training) {
    NDArray s0 = stem0.forward(store, new NDList(images), training).head();
    NDArray s1 = stem1.forward(store, new NDList(s0), training).head();
    return new NDList(s0, s1);
  }

  @Override
  protected Shape[] initializeStem(NDManager manager, DataType dataType, Shape input) {
    stem0.initialize(manager, dataType, input);
    Shape s0 = stem0.getOutputShapes(new Shape[] {input})[0];
    stem1.initialize(manager, dataType, s0);
    return stemShapes(input);
  }

  @Override
  protected Shape[] stemShapes(Shape input) {
    Shape s0 = stem0.getOutputShapes(new Shape[] {input})[0];
    return new Shape[] {s0, stem1.getOutputShapes(new Shape[] {s0})[0]};
  }
}
