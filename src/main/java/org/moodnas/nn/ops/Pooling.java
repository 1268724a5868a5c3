package org.moodnas.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Max or average pooling with PyTorch semantics. Averages leave padded elements out
 * (count_include_pad=False): DJL 0.36 ignores that flag, so the padded average is divided by the
 * padded average of a map of ones, which is the fraction of real elements in each window.
 */
public final class Pooling extends AbstractBlock {

  /** Which reduction a window applies. */
  public enum Kind {
    MAX,
    AVG
  }

  private final Kind kind;
  private final Shape kernel;
  private final Shape stride;
  private final Shape padding;

  public Pooling(Kind kind, int kernel, int stride, int padding) {
    this.kind = kind;
    this.kernel = new Shape(kernel, kernel);
    this.stride = new Shape(stride, stride);
    this.padding = new Shape(padding, padding);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (!ChannelsLast.pays(x)) {
      return new NDList(pool(x));
    }
    Shape s = x.getShape();
    // Pooled as one image of N·C channels-last planes: vectorized, where NCHW runs a scalar loop.
    NDArray y = pool(ChannelsLast.planes(x));
    return new NDList(ChannelsLast.unplanes(y, s.get(0), s.get(1)));
  }

  private NDArray pool(NDArray x) {
    if (kind == Kind.MAX) {
      return Pool.maxPool2d(x, kernel, stride, padding, false);
    }
    NDArray padded = Pool.avgPool2d(x, kernel, stride, padding, false, true);
    if (padding.get(0) == 0) {
      return padded;
    }
    Shape s = x.getShape();
    NDArray ones =
        x.getManager().ones(new Shape(1, 1, s.get(2), s.get(3)), x.getDataType(), x.getDevice());
    NDArray realFraction = Pool.avgPool2d(ones, kernel, stride, padding, false, true);
    return padded.div(realFraction);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), in.get(1), out(in.get(2), 0), out(in.get(3), 1))};
  }

  private long out(long size, int axis) {
    return (size + 2 * padding.get(axis) - kernel.get(axis)) / stride.get(axis) + 1;
  }
}
