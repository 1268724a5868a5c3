package org.moodnas.nn.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.moodnas.nn.ops.TorchDefaultInitializer;

/**
 * A network trained from scratch from a genotype: a stem giving (s0, s1), {@code layers} cells with
 * reductions at layers/3 and 2·layers/3, an optional auxiliary head after cell 2·layers/3 (its
 * logits are the second output, in training only), global average pooling and a linear classifier.
 * Subclasses supply the stem.
 */
public abstract class EvalNetwork extends AbstractBlock {

  private final NetworkSpec spec;
  private final List<Cell> cells = new ArrayList<>();
  private final DropPath dropPath = new DropPath();
  private final int auxiliaryIndex;
  private AuxiliaryHead auxiliaryHead;
  private Linear classifier;

  /** Subclasses add their stem blocks first, then call {@link #addCells}. */
  protected EvalNetwork(NetworkSpec spec) {
    this.spec = spec;
    this.auxiliaryIndex = 2 * spec.layers() / 3;
  }

  /** Builds the cells (DARTS's channel bookkeeping), the auxiliary head and the classifier. */
  protected final void addCells(boolean reductionAfterStem, int auxInputSize) {
    int cCurr = spec.initChannels();
    boolean reductionPrev = reductionAfterStem;
    for (int i = 0; i < spec.layers(); i++) {
      boolean reduction = i == spec.layers() / 3 || i == 2 * spec.layers() / 3;
      if (reduction) {
        cCurr *= 2;
      }
      Cell cell = new Cell(spec.genotype(), cCurr, reduction, reductionPrev, dropPath, spec.norm());
      cells.add(addChildBlock("cell" + i, cell));
      reductionPrev = reduction;
    }
    if (spec.auxiliary()) {
      auxiliaryHead =
          addChildBlock(
              "auxiliary_head",
              new AuxiliaryHead(
                  spec.classes(), auxInputSize, spec.kind() == NetworkSpec.Kind.CIFAR));
    }
    classifier = addChildBlock("classifier", Linear.builder().setUnits(spec.classes()).build());
    setInitializer(new TorchDefaultInitializer(), Parameter.Type.WEIGHT);
  }

  public NetworkSpec spec() {
    return spec;
  }

  public List<Cell> cells() {
    return List.copyOf(cells);
  }

  /** Drop path in every cell: its probability (the trainer raises it over the epochs), its seed. */
  public DropPath dropPath() {
    return dropPath;
  }

  /** (s0, s1) from the input images. */
  protected abstract NDList stem(ParameterStore store, NDArray images, boolean training);

  /** Initializes the stem blocks and returns the shapes of (s0, s1). */
  protected abstract Shape[] initializeStem(NDManager manager, DataType dataType, Shape input);

  /** The shapes of (s0, s1) for an input shape. */
  protected abstract Shape[] stemShapes(Shape input);

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList s = stem(store, inputs.head(), training);
    NDArray s0 = s.get(0);
    NDArray s1 = s.get(1);
    NDArray auxLogits = null;
    for (int i = 0; i < cells.size(); i++) {
      NDArray next = cells.get(i).forward(store, new NDList(s0, s1), training).head();
      NDArray consumed = s0;
      s0 = s1;
      s1 = next;
      if (consumed != s0) {
        // No later cell reads it; autograd keeps its own reference if backward needs it.
        consumed.close();
      }
      if (i == auxiliaryIndex && auxiliaryHead != null && training) {
        auxLogits = auxiliaryHead.forward(store, new NDList(s1), training).head();
      }
    }
    NDArray pooled = Pool.globalAvgPool2d(s1);
    NDArray logits = classifier.forward(store, new NDList(pooled), training).head();
    return auxLogits == null ? new NDList(logits) : new NDList(logits, auxLogits);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] s = initializeStem(manager, dataType, inputShapes[0]);
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      cell.initialize(manager, dataType, s);
      s = new Shape[] {s[1], cell.getOutputShapes(s)[0]};
      if (i == auxiliaryIndex && auxiliaryHead != null) {
        auxiliaryHead.initialize(manager, dataType, s[1]);
      }
    }
    TorchDefaultInitializer.initializeLinear(classifier, manager, dataType, pooled(s[1]));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] s = stemShapes(inputShapes[0]);
    for (Cell cell : cells) {
      s = new Shape[] {s[1], cell.getOutputShapes(s)[0]};
    }
    return classifier.getOutputShapes(new Shape[] {pooled(s[1])});
  }

  private static Shape pooled(Shape s) {
    return new Shape(s.get(0), s.get(1));
  }
}
