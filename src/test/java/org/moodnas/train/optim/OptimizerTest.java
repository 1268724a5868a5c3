package org.moodnas.train.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The optimizers against PyTorch's update rules computed by hand for two steps. */
class OptimizerTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void sgdWithMomentumAndWeightDecayFollowsTorch() {
    NDArray w = manager.create(new float[] {1f, -2f});
    Sgd sgd = new Sgd(0.9, 0.1);
    // step 1: g = [0.5, 0.5] + 0.1·w = [0.6, 0.3]; buf = g; w = w − 0.5·buf = [0.7, −2.15]
    sgd.step(List.of(w), List.of(manager.create(new float[] {0.5f, 0.5f})), 0.5, manager);
    assertThat(w.toFloatArray()).containsExactly(new float[] {0.7f, -2.15f}, within(1e-6f));
    // step 2 (lr 0.1): g = [0.5,0.5] + 0.1·w = [0.57, 0.285]; buf = 0.9·[0.6,0.3] + g = [1.11,
    // 0.555]
    sgd.step(List.of(w), List.of(manager.create(new float[] {0.5f, 0.5f})), 0.1, manager);
    assertThat(w.toFloatArray()).containsExactly(new float[] {0.589f, -2.2055f}, within(1e-6f));
  }

  @Test
  void adamWithL2WeightDecayFollowsTorch() {
    NDArray w = manager.create(new float[] {1f});
    Adam adam = new Adam(0.1, 0.5, 0.999, 0.0);
    // First Adam step moves by lr·sign(g) (m̂ = g, v̂ = g²).
    adam.step(List.of(w), List.of(manager.create(new float[] {4f})), manager);
    assertThat(w.getFloat(0)).isCloseTo(0.9f, within(1e-5f));
    // Second, g = −1: m = 0.5·2 + 0.5·(−1) = 0.5, m̂ = 0.5/0.75; v = 0.999·0.016 + 0.001·1,
    // v̂ = v/(1−0.999²); w −= 0.1·m̂/(√v̂ + 1e-8)
    adam.step(List.of(w), List.of(manager.create(new float[] {-1f})), manager);
    double vhat = (0.999 * 0.016 + 0.001) / (1 - 0.999 * 0.999);
    double expected = 0.9 - 0.1 * (0.5 / 0.75) / (Math.sqrt(vhat) + 1e-8);
    assertThat((double) w.getFloat(0)).isCloseTo(expected, within(1e-5));
  }

  @Test
  void globalNormClippingScalesAllGradientsTogether() {
    NDArray a = manager.create(new float[] {3f});
    NDArray b = manager.create(new float[] {4f});
    double norm = GradientClipping.clipGlobalNorm(List.of(a, b), 1.0);
    assertThat(norm).isCloseTo(5.0, within(1e-6));
    assertThat(a.getFloat(0)).isCloseTo(0.6f, within(1e-5f));
    assertThat(b.getFloat(0)).isCloseTo(0.8f, within(1e-5f));
    GradientClipping.clipGlobalNorm(List.of(a, b), 10.0); // under the limit: unchanged
    assertThat(a.getFloat(0)).isCloseTo(0.6f, within(1e-5f));
  }

  @Test
  void cosineScheduleRunsFromMaxTowardsMin() {
    CosineSchedule s = new CosineSchedule(0.1, 0.001, 50);
    assertThat(s.at(0)).isEqualTo(0.1);
    assertThat(s.at(25)).isCloseTo(0.0505, within(1e-12));
    assertThat(s.at(49))
        .isCloseTo(0.001 + 0.099 * (1 + Math.cos(Math.PI * 49 / 50)) / 2, within(1e-15));
  }
}
