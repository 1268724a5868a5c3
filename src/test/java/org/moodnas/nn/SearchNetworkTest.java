package org.moodnas.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moodnas.nn.search.SearchNetwork;
import org.moodnas.nn.search.SupernetSpec;
import org.moodnas.space.Genotype;
import org.moodnas.space.Primitive;

class SearchNetworkTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  private SearchNetwork build(int c, int layers, Shape input) {
    SearchNetwork net = SupernetSpec.cifar(c, layers, 10).build();
    net.initialize(manager, DataType.FLOAT32, input);
    return net;
  }

  @Test
  void publishedSupernetHasThePublishedWeightCountAndArchitectureShapes() {
    SearchNetwork net = build(16, 8, new Shape(1, 3, 32, 32));
    long weights = net.weights().stream().mapToLong(p -> p.getArray().size()).sum();
    assertThat(weights).isEqualTo(299_578L);
    assertThat(net.arch().all())
        .extracting(p -> p.getArray().getShape())
        .containsExactly(new Shape(14, 8), new Shape(14, 8), new Shape(14), new Shape(14));
    assertThat(net.arch().all()).allMatch(p -> p.getType() == Parameter.Type.OTHER);
  }

  @Test
  void logitsForCifarAndFashionMnistInputs() {
    for (Shape input : new Shape[] {new Shape(2, 3, 32, 32), new Shape(2, 1, 28, 28)}) {
      SearchNetwork net = build(8, 5, input);
      NDArray logits =
          net.forward(
                  new ParameterStore(manager, false), new NDList(manager.randomNormal(input)), true)
              .head();
      assertThat(logits.getShape()).isEqualTo(new Shape(2, 10));
      assertThat(net.getOutputShapes(new Shape[] {input})[0]).isEqualTo(new Shape(2, 10));
    }
  }

  @Test
  void freshSupernetYieldsAValidGenotypeWithoutNone() {
    SearchNetwork net = build(8, 5, new Shape(1, 3, 32, 32));
    Genotype g = net.genotype(new ParameterStore(manager, false), Device.cpu());
    assertThat(g.normal()).hasSize(8);
    assertThat(g.reduce()).hasSize(8);
    assertThat(g.normalConcat()).containsExactly(2, 3, 4, 5);
    assertThat(g.primitives()).doesNotContain(Primitive.NONE);
  }

  @Test
  void weightsStartAsPyTorchDefaultsSoPenaltiesMeanWhatTheyPublished() {
    SearchNetwork net = build(16, 8, new Shape(1, 3, 32, 32));
    int checked = 0;
    for (Parameter p : net.weights()) {
      if (p.getType() != Parameter.Type.WEIGHT) {
        continue;
      }
      Shape s = p.getArray().getShape();
      double bound = 1 / Math.sqrt(s.size() / s.get(0));
      float[] w = p.getArray().toFloatArray();
      double sq = 0;
      for (float v : w) {
        assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound);
        sq += v * v;
      }
      if (w.length >= 1000) { // U(−b, b) has variance b²/3
        assertThat(sq / w.length)
            .isCloseTo(bound * bound / 3, org.assertj.core.api.Assertions.withinPercentage(15));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
  }
}
