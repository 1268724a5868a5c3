package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegularizerTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void penaltiesSumOverEveryArray() {
    List<NDArray> w =
        List.of(manager.create(new float[] {1f, -2f}), manager.create(new float[] {3f}));
    assertThat(Regularizer.l1(w).getFloat()).isEqualTo(6f);
    assertThat(Regularizer.l2(w).getFloat()).isEqualTo(14f);
  }
}
