package org.moodnas.nn.search;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.List;
import org.moodnas.space.Primitive;

/**
 * The architecture parameters of PC-DARTS: α (edges × primitives) and β (edges) for the normal and
 * the reduction cell, drawn from N(0, 1e-3²). They are {@link Parameter.Type#OTHER} so the weight
 * optimizer can tell them apart; this block computes nothing itself.
 */
public final class ArchParameters extends AbstractBlock {

  private final int steps;
  private final int edges;
  private final Parameter alphasNormal;
  private final Parameter alphasReduce;
  private final Parameter betasNormal;
  private final Parameter betasReduce;

  public ArchParameters(int steps) {
    this.steps = steps;
    this.edges = edgeCount(steps);
    int ops = Primitive.SEARCH_SPACE.size();
    alphasNormal = addParameter(param("alphas_normal", new Shape(edges, ops)));
    alphasReduce = addParameter(param("alphas_reduce", new Shape(edges, ops)));
    betasNormal = addParameter(param("betas_normal", new Shape(edges)));
    betasReduce = addParameter(param("betas_reduce", new Shape(edges)));
  }

  /** Edges of a cell with {@code steps} nodes: node i has 2 + i inputs. */
  public static int edgeCount(int steps) {
    return steps * (steps + 3) / 2;
  }

  private static Parameter param(String name, Shape shape) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(shape)
        .optInitializer(new NormalInitializer(1e-3f))
        .build();
  }

  public List<Parameter> all() {
    return List.of(alphasNormal, alphasReduce, betasNormal, betasReduce);
  }

  /** The normal cell's α and β. */
  public List<Parameter> normal() {
    return List.of(alphasNormal, betasNormal);
  }

  public int steps() {
    return steps;
  }

  /**
   * The mixing weights of one cell type: softmax of α over the primitives (edges × ops), and β
   * normalized by a softmax over each node's incoming edges (edges).
   */
  public NDList mixingWeights(
      ParameterStore store, Device device, boolean training, boolean reduction) {
    NDArray alphas = store.getValue(reduction ? alphasReduce : alphasNormal, device, training);
    NDArray betas = store.getValue(reduction ? betasReduce : betasNormal, device, training);
    NDList perNode = new NDList();
    int start = 0;
    for (int i = 0; i < steps; i++) {
      int n = i + 2;
      perNode.add(betas.get(start + ":" + (start + n)).softmax(0));
      start += n;
    }
    return new NDList(alphas.softmax(-1), ai.djl.ndarray.NDArrays.concat(perNode, 0));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new IllegalStateException("architecture parameters are read, not run");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[0];
  }
}
