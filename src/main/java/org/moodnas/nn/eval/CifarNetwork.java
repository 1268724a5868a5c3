package org.moodnas.nn.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import org.moodnas.nn.ops.Layers;

/** DARTS's NetworkCIFAR: stem 3×3 conv to 3·C channels + BN, then the cells; s0 = s1 = stem. */
public final class CifarNetwork extends EvalNetwork {

  private static final int STEM_MULTIPLIER = 3;

  private final SequentialBlock stem;

  public CifarNetwork(NetworkSpec spec) {
    super(spec);
    int stemChannels = STEM_MULTIPLIER * spec.initChannels();
    stem = new SequentialBlock();
    stem.add(Layers.conv(stemChannels, 3, 1, 1, 1, 1));
    Layers.addNorm(stem, spec.norm());
    addChildBlock("stem", stem);
    // Two stride-2 reductions, each ceil(size/2).
    int auxSize = ceilHalf(ceilHalf(spec.imageSize()));
    addCells(false, auxSize);
  }

  private static int ceilHalf(int size) {
    return (size + 1) / 2;
  }

  @Override
  protected NDList stem(ParameterStore store, NDArray images, boolean training) {
    NDArray s = stem.forward(store, new NDList(images), training).head();
    return new NDList(s, s);
  }

  @Override
  protected Shape[] initializeStem(NDManager manager, DataType dataType, Shape input) {
    stem.initialize(manager, dataType, input);
    return stemShapes(input);
  }

  @Override
  protected Shape[] stemShapes(Shape input) {
    Shape s = stem.getOutputShapes(new Shape[] {input})[0];
    return new Shape[] {s, s};
  }
}
