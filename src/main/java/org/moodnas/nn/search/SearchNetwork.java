package org.moodnas.nn.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.moodnas.nn.ops.ImageNetStem;
import org.moodnas.nn.ops.Layers;
import org.moodnas.nn.ops.Norm;
import org.moodnas.nn.ops.TorchDefaultInitializer;
import org.moodnas.space.Genotype;

/**
 * The PC-DARTS supernet of a {@link SupernetSpec}: its family's stem giving (s0, s1) (CIFAR: an
 * affine 3×3 conv to 3·C and BN, s0 = s1; ImageNet: {@link ImageNetStem} at 3·C, s1 at 1/8 of the
 * input), {@code layers} search cells with reductions where {@link SupernetSpec#reducesAt} says
 * (channels doubled there), global average pooling and a linear classifier, plus the architecture
 * parameters α and β. Input: images; output: logits.
 */
public final class SearchNetwork extends AbstractBlock {

  public static final int STEPS = 4;
  public static final int MULTIPLIER = 4;
  private static final int STEM_MULTIPLIER = 3;

  private final SupernetSpec spec;
  private final SequentialBlock stem0;
  private final SequentialBlock stem1; // null: s1 = s0 (CIFAR)
  private final List<SearchCell> cells = new ArrayList<>();
  private final Linear classifier;
  private final ArchParameters arch;

  SearchNetwork(SupernetSpec spec) {
    this.spec = spec;
    int c = spec.initChannels();
    boolean imagenet = spec.kind() == SupernetSpec.Kind.IMAGENET;
    if (imagenet) {
      // model_search_imagenet.py widens its stem as CIFAR's does: 3·C, not the C of the
      // evaluation network's stem.
      stem0 = addChildBlock("stem0", ImageNetStem.stem0(STEM_MULTIPLIER * c, Norm.AFFINE));
      stem1 = addChildBlock("stem1", ImageNetStem.stem1(STEM_MULTIPLIER * c, Norm.AFFINE));
    } else {
      stem0 = new SequentialBlock();
      stem0.add(Layers.conv(STEM_MULTIPLIER * c, 3, 1, 1, 1, 1));
      stem0.add(Layers.batchNorm(true));
      addChildBlock("stem", stem0);
      stem1 = null;
    }
    int cCurr = c;
    boolean reductionPrev = imagenet;
    for (int i = 0; i < spec.layers(); i++) {
      boolean reduction = spec.reducesAt(i);
      if (reduction) {
        cCurr *= 2;
      }
      SearchCell cell =
          new SearchCell(
              STEPS, MULTIPLIER, cCurr, reduction, reductionPrev, spec.partialChannels());
      cells.add(addChildBlock("cell" + i, cell));
      reductionPrev = reduction;
    }
    classifier = addChildBlock("classifier", Linear.builder().setUnits(spec.classes()).build());
    arch = addChildBlock("arch", new ArchParameters(STEPS));
    setInitializer(new TorchDefaultInitializer(), Parameter.Type.WEIGHT);
  }

  public SupernetSpec spec() {
    return spec;
  }

  public ArchParameters arch() {
    return arch;
  }

  /** The indices of the reduction cells. */
  public List<Integer> reductionCells() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).isReduction()) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * The architecture parameters a step trains: all four, but only the normal cell's α and β when
   * the supernet has no reduction cell (PyTorch's Adam skips a parameter without gradient, so the
   * published search leaves the unused ones as initialized, weight decay included).
   */
  public List<Parameter> trainedArch() {
    return spec.hasReductionCells() ? arch.all() : arch.normal();
  }

  /** Trainable network weights: every parameter that needs a gradient, α and β excluded. */
  public List<Parameter> weights() {
    Set<Parameter> archParams = Set.copyOf(arch.all());
    List<Parameter> out = new ArrayList<>();
    for (Pair<String, Parameter> p : getParameters()) {
      if (p.getValue().requiresGradient() && !archParams.contains(p.getValue())) {
        out.add(p.getValue());
      }
    }
    return out;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDList normal = arch.mixingWeights(store, x.getDevice(), training, false);
    NDList reduce = arch.mixingWeights(store, x.getDevice(), training, true);
    NDArray s0 = stem0.forward(store, inputs, training).head();
    NDArray s1 = stem1 == null ? s0 : stem1.forward(store, new NDList(s0), training).head();
    for (SearchCell cell : cells) {
      NDList w = cell.isReduction() ? reduce : normal;
      NDArray next = cell.forward(store, new NDList(s0, s1, w.get(0), w.get(1)), training).head();
      NDArray consumed = s0;
      s0 = s1;
      s1 = next;
      if (consumed != s0) {
        // No later cell reads it; autograd keeps its own reference if backward needs it.
        consumed.close();
      }
    }
    return classifier.forward(store, new NDList(Pool.globalAvgPool2d(s1)), training);
  }

  /** The genotype the current α and β select (PC-DARTS's parse). */
  public Genotype genotype(ParameterStore store, ai.djl.Device device) {
    NDList normal = arch.mixingWeights(store, device, false, false);
    NDList reduce = arch.mixingWeights(store, device, false, true);
    return GenotypeParser.parse(
        matrix(normal.get(0)),
        normal.get(1).toFloatArray(),
        matrix(reduce.get(0)),
        reduce.get(1).toFloatArray(),
        STEPS,
        MULTIPLIER);
  }

  private static float[][] matrix(NDArray a) {
    int rows = (int) a.getShape().get(0);
    int cols = (int) a.getShape().get(1);
    float[] flat = a.toFloatArray();
    float[][] out = new float[rows][cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(flat, r * cols, out[r], 0, cols);
    }
    return out;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    stem0.initialize(manager, dataType, inputShapes[0]);
    if (stem1 != null) {
      stem1.initialize(manager, dataType, stem0.getOutputShapes(inputShapes)[0]);
    }
    Shape[] states = stemShapes(inputShapes[0]);
    Shape s = states[0];
    for (SearchCell cell : cells) {
      Shape[] in = cellInputs(states);
      cell.initialize(manager, dataType, in);
      states = new Shape[] {states[1], cell.getOutputShapes(in)[0]};
    }
    TorchDefaultInitializer.initializeLinear(
        classifier, manager, dataType, new Shape(s.get(0), states[1].get(1)));
    arch.initialize(manager, dataType);
  }

  private static Shape[] cellInputs(Shape[] states) {
    int ops = org.moodnas.space.Primitive.SEARCH_SPACE.size();
    int edges = ArchParameters.edgeCount(STEPS);
    return new Shape[] {states[0], states[1], new Shape(edges, ops), new Shape(edges)};
  }

  /** The shapes of (s0, s1), the first cell's inputs, for an input shape. */
  public Shape[] stemShapes(Shape input) {
    Shape s0 = stem0.getOutputShapes(new Shape[] {input})[0];
    Shape s1 = stem1 == null ? s0 : stem1.getOutputShapes(new Shape[] {s0})[0];
    return new Shape[] {s0, s1};
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] states = stemShapes(inputShapes[0]);
    Shape s = states[0];
    for (SearchCell cell : cells) {
      states = new Shape[] {states[1], cell.getOutputShapes(cellInputs(states))[0]};
    }
    return classifier.getOutputShapes(new Shape[] {new Shape(s.get(0), states[1].get(1))});
  }
}
