package org.moodnas.analysis.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published analysis's correlation matrix on four models worked by hand: absolute ρ, each pair
 * over the models that have both figures, ties at their average rank, a figure nobody has left out.
 */
class PairwiseSpearmanTest {

  private static final double NA = Double.NaN;

  private final PairwiseSpearman m =
      PairwiseSpearman.of(
          List.of("x", "y", "z", "nobody", "same", "ties"),
          new double[][] {
            {1, 2, 3, 4}, // x
            {10, 30, 20, NA}, // y: the fourth model lacks it
            {4, 3, 2, 1}, // z: x reversed
            {NA, NA, NA, NA},
            {5, 5, 5, 5},
            {1, 1, 2, 3}
          });

  private double value(String a, String b) {
    return m.values()[m.names().indexOf(a)][m.names().indexOf(b)];
  }

  @Test
  void aFigureNoModelHasIsLeftOut() {
    assertThat(m.names()).containsExactly("x", "y", "z", "same", "ties");
  }

  @Test
  void eachPairUsesTheModelsWithBothFigures() {
    // x, y over the first three models: ranks 1 2 3 and 1 3 2, Σd² = 2, ρ = 1 − 6·2 / (3·8)
    assertThat(value("x", "y")).isCloseTo(0.5, within(1e-12));
    assertThat(m.models()[0][1]).isEqualTo(3);
    // x, z over all four
    assertThat(m.models()[0][2]).isEqualTo(4);
  }

  @Test
  void negativeCorrelationsAreShownAbsolute() {
    assertThat(value("x", "z")).isCloseTo(1.0, within(1e-12));
    // y, z over three models: ranks 1 3 2 and 3 2 1, Σd² = 6, ρ = 1 − 36 / 24 = −0.5
    assertThat(value("y", "z")).isCloseTo(0.5, within(1e-12));
    assertThat(value("z", "y")).isEqualTo(value("y", "z"));
  }

  @Test
  void tiesShareTheirAverageRank() {
    // ranks 1.5 1.5 3 4 against 1 2 3 4: Pearson of the ranks = 4.5 / √(4.5 · 5) = 3 / √10
    assertThat(value("x", "ties")).isCloseTo(3 / Math.sqrt(10), within(1e-12));
  }

  @Test
  void aFigureThatDoesNotVaryCorrelatesWithNothing() {
    assertThat(value("same", "x")).isNaN();
    assertThat(value("same", "same")).isNaN();
    assertThat(value("x", "x")).isEqualTo(1.0);
    assertThat(m.fewestModels()).isEqualTo(3);
  }
}
