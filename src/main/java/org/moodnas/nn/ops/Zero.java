package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The 'none' operation: zeros of the shape {@code x[:, :, ::stride, ::stride]} would have. */
public final class Zero extends AbstractBlock {

  private final int stride;

  public Zero(int stride) {
    this.stride = stride;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Shape out = getOutputShapes(new Shape[] {x.getShape()})[0];
    return new NDList(x.getManager().zeros(out, x.getDataType(), x.getDevice()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    long h = (in.get(2) + stride - 1) / stride;
    long w = (in.get(3) + stride - 1) / stride;
    return new Shape[] {new Shape(in.get(0), in.get(1), h, w)};
  }
}
