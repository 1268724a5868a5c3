package org.moodnas.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moodnas.nn.eval.Cell;
import org.moodnas.nn.eval.EvalNetwork;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;

class EvalNetworkTest {

  private final NDManager manager = NDManager.newBaseManager();
  private final Genotype pcDarts = GenotypeRegistry.bundled().get("PC_DARTS_cifar");

  @AfterEach
  void close() {
    manager.close();
  }

  private NDList forward(NetworkSpec spec, int batch, boolean training) {
    EvalNetwork net = spec.build();
    net.initialize(manager, DataType.FLOAT32, spec.inputShape(batch));
    NDList out =
        net.forward(
            new ParameterStore(manager, false),
            new NDList(manager.randomNormal(spec.inputShape(batch))),
            training);
    assertThat(out.head().getShape())
        .isEqualTo(net.getOutputShapes(new Shape[] {spec.inputShape(batch)})[0]);
    return out;
  }

  @Test
  void cifarLogitsAndAuxiliaryLogitsOnlyInTraining() {
    NetworkSpec spec = NetworkSpec.cifar(pcDarts, 8, 5, 10, true);
    NDList eval = forward(spec, 2, false);
    assertThat(eval).hasSize(1);
    assertThat(eval.head().getShape()).isEqualTo(new Shape(2, 10));
    NDList train = forward(spec, 2, true);
    assertThat(train).hasSize(2);
    assertThat(train.get(1).getShape()).isEqualTo(new Shape(2, 10));
    assertThat(forward(spec.withAuxiliary(false), 2, true)).hasSize(1);
  }

  @Test
  void imageNetNetworkTakes224PixelImages() {
    NetworkSpec spec =
        NetworkSpec.imagenet(GenotypeRegistry.bundled().get("PC_DARTS_image"), 8, 5, 1000, true);
    NDList train = forward(spec, 1, true);
    assertThat(train.head().getShape()).isEqualTo(new Shape(1, 1000));
    assertThat(train.get(1).getShape()).isEqualTo(new Shape(1, 1000));
    assertThat(forward(spec, 1, false)).hasSize(1);
  }

  @Test
  void fashionMnistImagesHaveOneChannelAnd28Pixels() {
    NetworkSpec spec = NetworkSpec.cifar(pcDarts, 8, 5, 10, true).withInput(1, 28);
    NDList train = forward(spec, 3, true);
    assertThat(train.head().getShape()).isEqualTo(new Shape(3, 10));
    assertThat(train.get(1).getShape()).isEqualTo(new Shape(3, 10));
  }

  @Test
  void reductionsSitAtOneAndTwoThirdsOfTheDepth() {
    EvalNetwork net = NetworkSpec.cifar(pcDarts, 8, 20, 10, false).build();
    for (int i = 0; i < 20; i++) {
      assertThat(net.cells().get(i).isReduction()).as("cell " + i).isEqualTo(i == 6 || i == 13);
    }
    assertThat(net.cells()).extracting(Cell::multiplier).containsOnly(4);
  }

  @Test
  void dropPathChangesTrainingOutputsOnly() {
    NetworkSpec spec = NetworkSpec.cifar(pcDarts, 8, 5, 10, false);
    EvalNetwork net = spec.build();
    net.initialize(manager, DataType.FLOAT32, spec.inputShape(4));
    ParameterStore store = new ParameterStore(manager, false);
    NDList x = new NDList(manager.randomNormal(spec.inputShape(4)));
    net.dropPath().setProb(0.5f);
    NDList a = net.forward(store, x, false);
    NDList b = net.forward(store, x, false);
    assertThat(a.head().contentEquals(b.head())).isTrue();
    NDList c = net.forward(store, x, true);
    NDList d = net.forward(store, x, true);
    assertThat(c.head().contentEquals(d.head())).isFalse();
  }
}
