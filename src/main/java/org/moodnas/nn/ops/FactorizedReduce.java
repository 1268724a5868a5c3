package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Halves the resolution without losing every other pixel: ReLU, then two stride-2 1×1 convolutions
 * (one on the input, one on the input shifted by one pixel) concatenated and batch-normalized
 * (unless the norm is none).
 */
public final class FactorizedReduce extends AbstractBlock {

  private final Block relu;
  private final Block conv1;
  private final Block conv2;
  private final Block bn; // null without batch normalization

  public FactorizedReduce(int cOut, Norm norm) {
    relu = addChildBlock("relu", new Relu());
    conv1 = addChildBlock("conv_1", Layers.conv(cOut / 2, 1, 2, 0, 1, 1));
    conv2 = addChildBlock("conv_2", Layers.conv(cOut / 2, 1, 2, 0, 1, 1));
    bn = norm == Norm.NONE ? null : addChildBlock("bn", Layers.batchNorm(norm == Norm.AFFINE));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = relu.forward(store, inputs, training).singletonOrThrow();
    NDArray a = conv1.forward(store, new NDList(x), training).singletonOrThrow();
    NDArray b = conv2.forward(store, new NDList(x.get(SHIFTED)), training).singletonOrThrow();
    NDList joined = new NDList(NDArrays.concat(new NDList(a, b), 1));
    return bn == null ? joined : bn.forward(store, joined, training);
  }

  private static final NDIndex SHIFTED = new NDIndex(":, :, 1:, 1:");

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    relu.initialize(manager, dataType, in);
    conv1.initialize(manager, dataType, in);
    conv2.initialize(manager, dataType, shifted(in));
    if (bn != null) {
      bn.initialize(manager, dataType, getOutputShapes(inputShapes));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    Shape a = conv1.getOutputShapes(new Shape[] {in})[0];
    Shape b = conv2.getOutputShapes(new Shape[] {shifted(in)})[0];
    if (a.get(2) != b.get(2) || a.get(3) != b.get(3)) {
      throw new IllegalArgumentException(
          "FactorizedReduce needs an even input size, got " + in.get(2) + "x" + in.get(3));
    }
    return new Shape[] {new Shape(a.get(0), a.get(1) + b.get(1), a.get(2), a.get(3))};
  }

  private static Shape shifted(Shape in) {
    return new Shape(in.get(0), in.get(1), in.get(2) - 1, in.get(3) - 1);
  }
}
