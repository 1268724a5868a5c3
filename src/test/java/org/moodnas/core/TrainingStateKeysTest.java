package org.moodnas.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingStateKeysTest {

  @Test
  void aSearchTrialsKeyIsItsIndexAndAHashOfItsWeightThatDoesNotChangeBetweenBuilds() {
    // The first 4 bytes of SHA-256 over the big-endian IEEE-754 bits of 0.2 and 0.8, as Python's
    // hashlib gives them: a trainer of another build (or language) finds the same folder.
    assertThat(TrainingStateKeys.search(0, new Weight(0.2, 0.8))).isEqualTo("trial-0-8823dd6f");
    assertThat(TrainingStateKeys.search(7, new Weight(0.2, 0.8))).isEqualTo("trial-7-8823dd6f");
  }

  @Test
  void anotherWeightUnderTheSameIndexIsAnotherKey() {
    String key = TrainingStateKeys.search(3, new Weight(0.1, 0.9));
    assertThat(key).matches("trial-3-[0-9a-f]{8}");
    assertThat(TrainingStateKeys.search(3, new Weight(0.1, 0.9))).isEqualTo(key);
    assertThat(TrainingStateKeys.search(3, new Weight(0.1, 0.8999999999999999))).isNotEqualTo(key);
    assertThat(TrainingStateKeys.search(3, new Weight(0.9, 0.1))).isNotEqualTo(key);
    assertThat(TrainingStateKeys.search(3, new Weight(-0.0, 1)))
        .isEqualTo(TrainingStateKeys.search(3, new Weight(0.0, 1)));
    assertThatThrownBy(() -> TrainingStateKeys.search(-1, new Weight(0, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEvaluationsKeyIsItsArch() {
    assertThat(TrainingStateKeys.evaluation("l2_loss_2e01")).isEqualTo("l2_loss_2e01");
  }
}
