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

  @Test
  void uniformWeightsAreOnes() {
    double[][] w = EnsembleWeights.compute(List.of(A, B), EnsembleMode.UNIFORM);
    assertThat(w).isDeepEqualTo(new double[][] {{1, 1, 1}, {1, 1, 1}});
  }

  @Test
  void perModelCountsWinsOnSamplesNotAllModelsGetRight() {
    // Sample 0: both right, ignored. A wins samples 1, 2 → 3; B wins sample 3 → 2. Divided by 3.
    double[][] w = EnsembleWeights.compute(List.of(A, B), EnsembleMode.PER_MODEL);
    for (int c = 0; c < 3; c++) {
      assertThat(w[0][c]).isEqualTo(1.0);
      assertThat(w[1][c]).isCloseTo(2.0 / 3, within(1e-12));
    }
  }

  @Test
  void perClassCountsByTheTrueClassAndNormalizesEachClass() {
    // Class 0: no contested sample → 1, 1. Class 1: A 2, B 1 → 1, 0.5. Class 2: A 2, B 2 → 1, 1.
    double[][] w = EnsembleWeights.compute(List.of(A, B), EnsembleMode.PER_CLASS);
    assertThat(w).isDeepEqualTo(new double[][] {{1, 1, 1}, {1, 0.5, 1}});
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
