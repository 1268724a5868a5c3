package org.moodnas.analysis.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodnas.core.EnsembleMode;

class EnsembleWeightsTest {

  // Three classes, four samples with labels 0, 1, 2, 2.
  // Model A is right on samples 0, 1, 2; model B on samples 0 and 3.
  private static final int[] LABELS = {0, 1, 2, 2};
  private static final Logits A =
      new Logits(new float[][] {{3, 0, 0}, {0, 5, 1}, {0, 1, 2}, {4, 0, 1}}, LABELS);
  private static final Logits B =
      new Logits(new float[][] {{1, 0, 0}, {2, 1, 0}, {0, 3, 1}, {0, 0, 9}}, LABELS);

  // Z is wrong on every sample (argmax 1, 0, 0, 1).
  private static final Logits Z =
      new Logits(new float[][] {{0, 1, 0}, {1, 0, 0}, {1, 0, 0}, {0, 1, 0}}, LABELS);

  private static double[][] weights(EnsembleMode mode, Logits... members) {
    EnsembleWeights.Weights w = EnsembleWeights.compute(List.of(members), mode);
    assertThat(w.uniformFallback()).isFalse();
    return w.values();
  }

  @Test
  void uniformWeightsAreOnes() {
    assertThat(weights(EnsembleMode.UNIFORM, A, B))
        .isDeepEqualTo(new double[][] {{1, 1, 1}, {1, 1, 1}});
  }

  @Test
  void perModelScoresStartAtZeroAndCountWinsOnSamplesNotAllModelsGetRight() {
    // Sample 0: both right, ignored. A wins samples 1, 2 → 0 + 2; B wins sample 3 → 0 + 1.
    // Divided by the maximum, 2.
    assertThat(weights(EnsembleMode.PER_MODEL, A, B))
        .isDeepEqualTo(new double[][] {{1, 1, 1}, {0.5, 0.5, 0.5}});
    // With Z every sample is contested: A 3, B 2, Z 0 — a model that wins nothing weighs 0.
    double[][] w = weights(EnsembleMode.PER_MODEL, A, B, Z);
    for (int c = 0; c < 3; c++) {
      assertThat(w[0][c]).isEqualTo(1.0);
      assertThat(w[1][c]).isCloseTo(2.0 / 3, within(1e-12));
      assertThat(w[2][c]).isZero();
    }
  }

  @Test
  void perClassScoresStartAtOneCountByTheTrueClassAndNormalizeEachClass() {
    // Class 0: no contested sample → 1, 1. Class 1: A 2, B 1 → 1, 0.5. Class 2: A 2, B 2 → 1, 1.
    assertThat(weights(EnsembleMode.PER_CLASS, A, B))
        .isDeepEqualTo(new double[][] {{1, 1, 1}, {1, 0.5, 1}});
    // With Z: class 0 (sample 0) A 2, B 2, Z 1; class 1 (sample 1) A 2, B 1, Z 1; class 2
    // (samples 2, 3) A 2, B 2, Z 1.
    assertThat(weights(EnsembleMode.PER_CLASS, A, B, Z))
        .isDeepEqualTo(new double[][] {{1, 1, 1}, {1, 0.5, 1}, {0.5, 0.5, 0.5}});
  }

  @Test
  void perModelScoresThatAreAllZeroFallBackToUniformAndSaySo() {
    // One member, or identical ones: every sample is right for all or for none, no one wins.
    for (List<Logits> members : List.of(List.of(A), List.of(B, B))) {
      EnsembleWeights.Weights w = EnsembleWeights.compute(members, EnsembleMode.PER_MODEL);
      assertThat(w.uniformFallback()).isTrue();
      for (double[] row : w.values()) {
        assertThat(row).containsOnly(1.0);
      }
      // Per class starts at one, so it never divides by zero.
      assertThat(EnsembleWeights.compute(members, EnsembleMode.PER_CLASS).uniformFallback())
          .isFalse();
    }
  }

  @Test
  void scoresAreMinMaxScaledWeightedAndAveraged() {
    double[][] w = {{1, 1, 1}, {1, 0.5, 1}};
    EnsembleScores s = EnsembleScores.combine(List.of(A, B), w);
    // Sample 1: A scaled (0, 1, 0.2), B scaled (1, 0.5, 0) × (1, 0.5, 1) → mean (0.5, 0.625, 0.1).
    assertThat(s.scores()[1]).containsExactly(new double[] {0.5, 0.625, 0.1}, within(1e-12));
    // Sample 2: A (0, 0.5, 1), B (0, 1, 1/3) × (1, 0.5, 1) → class 2 wins; every sample is right.
    assertThat(s.topK(1)).isEqualTo(1.0);
    // With uniform weights B's class-1 vote wins sample 2: 3 of 4 first, all 4 in the first two.
    EnsembleScores uniform =
        EnsembleScores.combine(List.of(A, B), new double[][] {{1, 1, 1}, {1, 1, 1}});
    assertThat(uniform.scores()[2]).containsExactly(new double[] {0, 0.75, 2.0 / 3}, within(1e-12));
    assertThat(uniform.topK(1)).isEqualTo(0.75);
    assertThat(uniform.topK(2)).isEqualTo(1.0);
  }
}
