package org.moodnas.nn.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.moodnas.nn.ops.Layers;
import org.moodnas.nn.ops.Norm;
import org.moodnas.nn.ops.Operations;
import org.moodnas.nn.ops.Pooling;
import org.moodnas.nn.ops.RectifiedInput;
import org.moodnas.nn.ops.Relu;
import org.moodnas.nn.ops.Scoped;
import org.moodnas.space.Primitive;

/**
 * PC-DARTS's partial-channel mixed operation: the primitives run on the first 1/k of the channels,
 * weighted by softmax(α) and summed; the other channels pass through (max-pooled 2×2 when the edge
 * reduces); the two parts are concatenated and channel-shuffled in k groups (k = 4 on CIFAR, 2 on
 * ImageNet). Inputs: (x, weights of this edge over the primitives).
 */
public final class MixedOp extends AbstractBlock {

  private final int k;
  private final List<Block> ops = new ArrayList<>();
  private final Pooling passthroughPool = new Pooling(Pooling.Kind.MAX, 2, 2, 0);
  private final int noneIndex = Primitive.SEARCH_SPACE.indexOf(Primitive.NONE);

  /** An edge of {@code c} channels whose operations run on c/k of them. */
  public MixedOp(int c, int stride, int k) {
    this.k = k;
    for (Primitive p : Primitive.SEARCH_SPACE) {
      Block op = Operations.create(p, c / k, stride, Norm.FIXED);
      if (p == Primitive.MAX_POOL_3X3 || p == Primitive.AVG_POOL_3X3) {
        op = new SequentialBlock().add(op).add(Layers.batchNorm(false));
      }
      ops.add(addChildBlock(p.opName(), op));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray weights = inputs.get(1);
    // The edge's temporaries (seven op outputs, their weighted terms, the concat) die with its
    // scope; only the mixed output is kept.
    return new NDList(Scoped.apply(x, x.getManager(), in -> mix(store, in, weights, training)));
  }

  private NDArray mix(ParameterStore store, NDArray x, NDArray weights, boolean training) {
    // One split, not two slices: its backward concatenates the two gradients, where each slice's
    // backward fills a zero tensor of the whole input and the two are then added.
    NDList parts = x.split(new long[] {x.getShape().get(1) / k}, 1);
    NDArray active = parts.get(0);
    NDArray passive = parts.get(1);
    // The edge's weights as one split too (one backward for all of them, not one per select).
    NDList w = weights.split(weights.size());
    NDArray rectified = null; // the four convolutions' common first layer, computed once
    NDArray mixed = null;
    for (int i = 0; i < ops.size(); i++) {
      if (i == noneIndex) {
        continue; // zero times its weight: adds nothing, to the value or to any gradient
      }
      NDArray y;
      if (ops.get(i) instanceof RectifiedInput op) {
        rectified = rectified == null ? Relu.channelsLast(active) : rectified;
        y = op.forwardRectified(store, rectified, training);
      } else {
        y = ops.get(i).forward(store, new NDList(active), training).head();
      }
      NDArray term = y.mul(w.get(i));
      mixed = mixed == null ? term : mixed.add(term);
    }
    if (mixed.getShape().get(2) != x.getShape().get(2)) {
      passive = passthroughPool.forward(store, new NDList(passive), training).head();
    }
    return channelShuffle(NDArrays.concat(new NDList(mixed, passive), 1), k);
  }

  /** Interleaves the channels of {@code groups} equal groups (ShuffleNet's channel shuffle). */
  static NDArray channelShuffle(NDArray x, int groups) {
    Shape s = x.getShape();
    long n = s.get(0);
    long c = s.get(1);
    return x.reshape(n, groups, c / groups, s.get(2), s.get(3))
        .transpose(0, 2, 1, 3, 4)
        .reshape(n, c, s.get(2), s.get(3));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape active = activeShape(inputShapes[0]);
    for (Block op : ops) {
      op.initialize(manager, dataType, active);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    Shape out = ops.get(noneIndex).getOutputShapes(new Shape[] {activeShape(in)})[0];
    return new Shape[] {new Shape(in.get(0), in.get(1), out.get(2), out.get(3))};
  }

  private Shape activeShape(Shape in) {
    return new Shape(in.get(0), in.get(1) / k, in.get(2), in.get(3));
  }
}
