package org.moodnas.nn.search;

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
import org.moodnas.nn.ops.Norm;
import org.moodnas.nn.ops.ReLUConvBN;
import org.moodnas.space.Primitive;

/**
 * The PC-DARTS search cell: every node sums a {@link MixedOp} from every earlier state, each edge
 * weighted by its normalized β; the output concatenates the last {@code multiplier} nodes. Every BN
 * is non-affine. Inputs: (s0, s1, α weights (edges × ops), β weights (edges)).
 */
public final class SearchCell extends AbstractBlock {

  private final int steps;
  private final int multiplier;
  private final boolean reduction;
  private final Block preprocess0;
  private final Block preprocess1;
  private final List<MixedOp> ops = new ArrayList<>();

  /** A cell of {@code c} channels per node whose mixed edges run on c/k channels. */
  public SearchCell(
      int steps, int multiplier, int c, boolean reduction, boolean reductionPrev, int k) {
    this.steps = steps;
    this.multiplier = multiplier;
    this.reduction = reduction;
    preprocess0 =
        addChildBlock(
            "preprocess0",
            reductionPrev
                ? new FactorizedReduce(c, Norm.FIXED)
                : new ReLUConvBN(c, 1, 1, 0, Norm.FIXED));
    preprocess1 = addChildBlock("preprocess1", new ReLUConvBN(c, 1, 1, 0, Norm.FIXED));
    for (int i = 0; i < steps; i++) {
      for (int j = 0; j < 2 + i; j++) {
        int stride = reduction && j < 2 ? 2 : 1;
        ops.add(addChildBlock("edge" + ops.size(), new MixedOp(c, stride, k)));
      }
    }
  }

  public boolean isReduction() {
    return reduction;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    // Rows and entries as one split each: one backward for all edges, not one per select. The
    // rows are split flat, so each comes out as the (ops) vector a MixedOp takes.
    NDList alphas = inputs.get(2).reshape(-1).split(inputs.get(2).getShape().get(0));
    NDList betas = inputs.get(3).split(inputs.get(3).size());
    List<NDArray> states = new ArrayList<>();
    states.add(preprocess0.forward(store, new NDList(inputs.get(0)), training).head());
    states.add(preprocess1.forward(store, new NDList(inputs.get(1)), training).head());
    int offset = 0;
    for (int i = 0; i < steps; i++) {
      states.add(node(store, states, alphas, betas, offset, training));
      offset += states.size() - 1;
    }
    NDList out = new NDList();
    states.subList(states.size() - multiplier, states.size()).forEach(out::add);
    return new NDList(NDArrays.concat(out, 1));
  }

  /**
   * One node: the β-weighted sum of the edges from every earlier state. The edges' outputs, terms
   * and partial sums die with the node's scope (autograd keeps what backward needs).
   */
  private NDArray node(
      ParameterStore store,
      List<NDArray> states,
      NDList alphas,
      NDList betas,
      int offset,
      boolean training) {
    NDManager owner = states.get(states.size() - 1).getManager();
    try (NDManager node = owner.newSubManager()) {
      NDArray s = null;
      for (int j = 0; j < states.size(); j++) {
        int e = offset + j;
        NDArray h =
            ops.get(e).forward(store, new NDList(states.get(j), alphas.get(e)), training).head();
        h.attach(node);
        NDArray term = h.mul(betas.get(e));
        s = s == null ? term : s.add(term);
      }
      s.attach(owner);
      return s;
    }
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    preprocess0.initialize(manager, dataType, inputShapes[0]);
    preprocess1.initialize(manager, dataType, inputShapes[1]);
    Shape state = preprocess1.getOutputShapes(new Shape[] {inputShapes[1]})[0];
    Shape node = ops.get(0).getOutputShapes(new Shape[] {state})[0];
    Shape weights = new Shape(Primitive.SEARCH_SPACE.size());
    int e = 0;
    for (int i = 0; i < steps; i++) {
      for (int j = 0; j < 2 + i; j++) {
        ops.get(e++).initialize(manager, dataType, j < 2 ? state : node, weights);
      }
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape state = preprocess1.getOutputShapes(new Shape[] {inputShapes[1]})[0];
    Shape node = ops.get(0).getOutputShapes(new Shape[] {state})[0];
    return new Shape[] {new Shape(node.get(0), node.get(1) * multiplier, node.get(2), node.get(3))};
  }
}
