package org.moodnas.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moodnas.nn.eval.DropPath;
import org.moodnas.nn.ops.FactorizedReduce;
import org.moodnas.nn.ops.Identity;
import org.moodnas.nn.ops.Norm;
import org.moodnas.nn.ops.Operations;
import org.moodnas.nn.ops.Pooling;
import org.moodnas.space.Primitive;

class OpsTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  private NDArray run(Block block, NDArray x, boolean training) {
    block.initialize(manager, DataType.FLOAT32, x.getShape());
    NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), training).head();
    assertThat(block.getOutputShapes(new Shape[] {x.getShape()})[0]).isEqualTo(y.getShape());
    return y;
  }

  @Test
  void averagePoolingLeavesPaddingOutOfTheAverage() {
    NDArray x = manager.arange(1f, 10f).reshape(1, 1, 3, 3);
    float[] y = run(new Pooling(Pooling.Kind.AVG, 3, 1, 1), x, false).toFloatArray();
    assertThat(y[0]).isCloseTo((1 + 2 + 4 + 5) / 4f, within(1e-5f)); // corner: 4 real pixels
    assertThat(y[1]).isCloseTo((1 + 2 + 3 + 4 + 5 + 6) / 6f, within(1e-5f)); // edge: 6
    assertThat(y[4]).isCloseTo(5f, within(1e-5f)); // centre: all 9
  }

  @Test
  void maxPoolingKeepsTheWindowMaximum() {
    NDArray x = manager.arange(1f, 17f).reshape(1, 1, 4, 4);
    float[] y = run(new Pooling(Pooling.Kind.MAX, 3, 2, 1), x, false).toFloatArray();
    assertThat(y).containsExactly(6f, 8f, 14f, 16f);
  }

  @Test
  void everyPrimitiveKeepsShapeAtStrideOneAndHalvesItAtStrideTwo() {
    for (Primitive p : Primitive.values()) {
      NDArray x = manager.randomNormal(new Shape(2, 8, 8, 8));
      assertThat(run(Operations.create(p, 8, 1, Norm.AFFINE), x, true).getShape())
          .as(p.opName())
          .isEqualTo(new Shape(2, 8, 8, 8));
      assertThat(run(Operations.create(p, 8, 2, Norm.AFFINE), x, true).getShape())
          .as(p.opName() + " stride 2")
          .isEqualTo(new Shape(2, 8, 4, 4));
    }
    assertThat(Operations.create(Primitive.SKIP_CONNECT, 8, 1, Norm.AFFINE))
        .isInstanceOf(Identity.class);
    assertThat(Operations.create(Primitive.SKIP_CONNECT, 8, 2, Norm.AFFINE))
        .isInstanceOf(FactorizedReduce.class);
  }

  @Test
  void noneIsZeroAndIdentityIsTheInput() {
    NDArray x = manager.randomNormal(new Shape(1, 4, 6, 6));
    assertThat(
            run(Operations.create(Primitive.NONE, 4, 2, Norm.AFFINE), x, false)
                .abs()
                .sum()
                .getFloat())
        .isZero();
    assertThat(run(new Identity(), x, false).contentEquals(x)).isTrue();
  }

  @Test
  void dropPathZeroesWholeSamplesAndRescalesTheRest() {
    NDArray x = manager.ones(new Shape(2000, 2, 2, 2));
    DropPath dropPath = new DropPath();
    dropPath.setProb(0.3f);
    NDArray y = dropPath.apply(x);
    float[] perSample = y.sum(new int[] {1, 2, 3}).toFloatArray();
    int dropped = 0;
    for (float s : perSample) {
      if (s == 0f) {
        dropped++;
      } else {
        assertThat(s).isCloseTo(8f / 0.7f, within(1e-3f));
      }
    }
    assertThat(dropped / 2000.0).isCloseTo(0.3, within(0.05));
    dropPath.setProb(0f);
    assertThat(dropPath.apply(x)).isSameAs(x);
  }

  @Test
  void dropPathMasksFollowTheirOwnSeed() {
    NDArray x = manager.ones(new Shape(64, 1, 1, 1));
    DropPath a = new DropPath();
    DropPath b = new DropPath();
    a.setProb(0.5f);
    b.setProb(0.5f);
    a.seed(7);
    b.seed(7);
    NDArray first = a.apply(x);
    manager.randomUniform(0f, 1f, new Shape(100)); // the engine's generator moves: no matter
    assertThat(first.contentEquals(b.apply(x))).isTrue();
    b.seed(8);
    assertThat(a.apply(x).contentEquals(b.apply(x))).isFalse();
  }
}
