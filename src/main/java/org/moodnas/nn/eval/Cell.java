package org.moodnas.nn.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.moodnas.nn.ops.FactorizedReduce;
import org.moodnas.nn.ops.Identity;
import org.moodnas.nn.ops.Norm;
import org.moodnas.nn.ops.Operations;
import org.moodnas.nn.ops.ReLUConvBN;
import org.moodnas.nn.ops.Scoped;
import org.moodnas.space.Edge;
import org.moodnas.space.Genotype;

/**
 * The evaluation cell of DARTS: both inputs preprocessed to C channels, each intermediate node the
 * sum of its two operations, the output the channel concatenation of the genotype's concat nodes.
 * Takes (s0, s1), returns one array.
 */
public final class Cell extends AbstractBlock {

  private final Block preprocess0;
  private final Block preprocess1;
  private final List<Block> ops = new ArrayList<>();
  private final List<Integer> indices = new ArrayList<>();
  private final List<Integer> concat;
  private final boolean reduction;
  private final DropPath dropPath;

  /** {@code dropPath}: the network's, shared by its cells; {@code norm}: its operations' BN. */
  public Cell(
      Genotype genotype,
      int c,
      boolean reduction,
      boolean reductionPrev,
      DropPath dropPath,
      Norm norm) {
    this.reduction = reduction;
    this.dropPath = dropPath;
    preprocess0 =
        addChildBlock(
            "preprocess0",
            reductionPrev ? new FactorizedReduce(c, norm) : new ReLUConvBN(c, 1, 1, 0, norm));
    preprocess1 = addChildBlock("preprocess1", new ReLUConvBN(c, 1, 1, 0, norm));
    List<Edge> edges = reduction ? genotype.reduce() : genotype.normal();
    concat = reduction ? genotype.reduceConcat() : genotype.normalConcat();
    for (int i = 0; i < edges.size(); i++) {
      Edge e = edges.get(i);
      int stride = reduction && e.input() < 2 ? 2 : 1;
      ops.add(addChildBlock("op" + i, Operations.create(e.op(), c, stride, norm)));
      indices.add(e.input());
    }
  }

  public boolean isReduction() {
    return reduction;
  }

  /** Channels out: concat nodes × C. */
  public int multiplier() {
    return concat.size();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    // Everything the cell makes lives in the cell's scope but its output; each preprocessing and
    // each op has a nested scope of its own (see Scoped).
    NDManager owner = inputs.get(1).getManager();
    try (NDManager cell = owner.newSubManager()) {
      List<NDArray> states = new ArrayList<>();
      states.add(Scoped.apply(inputs.get(0), cell, x -> forward(preprocess0, store, x, training)));
      states.add(Scoped.apply(inputs.get(1), cell, x -> forward(preprocess1, store, x, training)));
      for (int i = 0; i < ops.size(); i += 2) {
        NDArray h1 = applyOp(store, i, states, training);
        NDArray h2 = applyOp(store, i + 1, states, training);
        states.add(h1.add(h2));
      }
      NDList out = new NDList();
      concat.forEach(i -> out.add(states.get(i)));
      NDArray y = NDArrays.concat(out, 1);
      y.attach(owner);
      return new NDList(y);
    }
  }

  private static NDArray forward(Block block, ParameterStore store, NDArray x, boolean training) {
    return block.forward(store, new NDList(x), training).head();
  }

  private NDArray applyOp(ParameterStore store, int i, List<NDArray> states, boolean training) {
    Block op = ops.get(i);
    NDArray x = states.get(indices.get(i));
    if (op instanceof Identity) {
      return x;
    }
    return Scoped.apply(
        x,
        x.getManager(),
        in -> {
          NDArray h = forward(op, store, in, training);
          return training ? dropPath.apply(h) : h;
        });
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    preprocess0.initialize(manager, dataType, inputShapes[0]);
    preprocess1.initialize(manager, dataType, inputShapes[1]);
    List<Shape> states = stateShapes(inputShapes);
    for (int i = 0; i < ops.size(); i++) {
      ops.get(i).initialize(manager, dataType, states.get(indices.get(i)));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    List<Shape> states = stateShapes(inputShapes);
    Shape first = states.get(concat.get(0));
    long channels = concat.stream().mapToLong(i -> states.get(i).get(1)).sum();
    return new Shape[] {new Shape(first.get(0), channels, first.get(2), first.get(3))};
  }

  private List<Shape> stateShapes(Shape[] inputShapes) {
    List<Shape> states = new ArrayList<>();
    states.add(preprocess0.getOutputShapes(new Shape[] {inputShapes[0]})[0]);
    states.add(preprocess1.getOutputShapes(new Shape[] {inputShapes[1]})[0]);
    for (int i = 0; i < ops.size(); i += 2) {
      Shape a = ops.get(i).getOutputShapes(new Shape[] {states.get(indices.get(i))})[0];
      Shape b = ops.get(i + 1).getOutputShapes(new Shape[] {states.get(indices.get(i + 1))})[0];
      if (!a.equals(b)) {
        throw new IllegalArgumentException(
            "cell node " + (i / 2 + 2) + " sums " + a + " and " + b + ": shapes differ");
      }
      states.add(a);
    }
    return states;
  }
}
