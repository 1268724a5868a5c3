package org.moodnas.analysis.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.moodnas.core.EnsembleMode;
import org.moodnas.spark.SparkSessions;
import org.moodnas.testing.PredictionRows;

/** The ensemble transforms on frames small enough to work out by hand. */
class WeightedEnsembleTest {

  private static final SparkSession SPARK = SparkSessions.getOrCreate("local[2]");

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

  private static final MemberKey KA = new MemberKey("l1", "x");
  private static final MemberKey KB = new MemberKey("l2", "x");
  private static final MemberKey KZ = new MemberKey("l2", "z");

  /** A frame of the members' rows, in the order given, each named by its key. */
  private static Dataset<Row> frame(Object... keysAndLogits) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < keysAndLogits.length; i += 2) {
      rows.addAll(
          PredictionRows.of(
              (MemberKey) keysAndLogits[i], "h", "test", (Logits) keysAndLogits[i + 1]));
    }
    return SPARK.createDataFrame(rows, PredictionRows.SCHEMA);
  }

  private static WeightedEnsemble fit(EnsembleMode mode, Dataset<Row> f, MemberKey... keys) {
    return new EnsembleWeighing(List.of(keys), mode).fit(f);
  }

  @Test
  void weightsFollowThePublishedScoresAndStartingValues() {
    // Members of two runs under the same name stay two members.
    Dataset<Row> ab = frame(KA, A, KB, B);
    assertThat(fit(EnsembleMode.UNIFORM, ab, KA, KB).weights())
        .isDeepEqualTo(new double[][] {{1, 1, 1}, {1, 1, 1}});
    // Per model from 0: sample 0 is right for both (no points); A wins 1 and 2, B wins 3 → 2 : 1,
    // divided by the maximum.
    assertThat(fit(EnsembleMode.PER_MODEL, ab, KA, KB).weights())
        .isDeepEqualTo(new double[][] {{1, 1, 1}, {0.5, 0.5, 0.5}});
    // Per class from 1: class 0 uncontested → 1, 1; class 1 (sample 1) A 2, B 1; class 2 (samples
    // 2, 3) A 2, B 2.
    assertThat(fit(EnsembleMode.PER_CLASS, ab, KA, KB).weights())
        .isDeepEqualTo(new double[][] {{1, 1, 1}, {1, 0.5, 1}});
    // With Z every sample is contested: per model A 3, B 2, Z 0; the row order is the members'.
    Dataset<Row> abz = frame(KZ, Z, KA, A, KB, B);
    double[][] w = fit(EnsembleMode.PER_MODEL, abz, KB, KZ, KA).weights();
    assertThat(w[0]).containsOnly(2.0 / 3);
    assertThat(w[1]).containsOnly(0.0);
    assertThat(w[2]).containsOnly(1.0);
    assertThat(fit(EnsembleMode.PER_CLASS, abz, KA, KB, KZ).weights())
        .isDeepEqualTo(new double[][] {{1, 1, 1}, {1, 0.5, 1}, {0.5, 0.5, 0.5}});
  }

  @Test
  void allZeroPerModelScoresFallBackToUniform() {
    for (WeightedEnsemble e :
        List.of(
            fit(EnsembleMode.PER_MODEL, frame(KA, A), KA),
            fit(EnsembleMode.PER_MODEL, frame(KA, B, KB, B), KA, KB))) {
      assertThat(e.uniformFallback()).isTrue();
      for (double[] row : e.weights()) {
        assertThat(row).containsOnly(1.0);
      }
    }
    assertThat(fit(EnsembleMode.PER_CLASS, frame(KA, A), KA).uniformFallback()).isFalse();
  }

  @Test
  void scoresAreMinMaxScaledWeightedAndAveragedInEveryMode() {
    Dataset<Row> ab = frame(KA, A, KB, B);
    // Uniform: sample 2 is A (0, 0.5, 1) + B (0, 1, 1/3), halved → (0, 0.75, 2/3): class 1 wins.
    WeightedEnsemble uniform = fit(EnsembleMode.UNIFORM, ab, KA, KB);
    Row s2 = uniform.transform(ab).where("sample = 2").first();
    assertThat(s2.<Double>getList(s2.fieldIndex("scores"))).containsExactly(0.0, 0.75, 2.0 / 3);
    assertThat(s2.<Integer>getAs("rank")).isEqualTo(1);
    WeightedEnsemble.Figures f = uniform.figures(ab);
    assertThat(f.top1()).isEqualTo(0.75);
    assertThat(f.top5()).isEqualTo(1.0);
    assertThat(f.samples()).isEqualTo(4);
    // Per model (1, 0.5): sample 2 (0, 1, 7/6)/2 is right, sample 3 (1, 0, 0.75)/2 wrong.
    assertThat(fit(EnsembleMode.PER_MODEL, ab, KA, KB).figures(ab).top1()).isEqualTo(0.75);
    // Per class: sample 2 (0, 1, 4/3)/2 and sample 3 (1, 0, 1.25)/2 are both right.
    assertThat(fit(EnsembleMode.PER_CLASS, ab, KA, KB).figures(ab).top1()).isEqualTo(1.0);
  }

  @Test
  void theLossIsTheMembersMeanCrossEntropy() {
    double a =
        (Math.log(Math.exp(3) + 2) - 3)
            + (Math.log(1 + Math.exp(5) + Math.exp(1)) - 5)
            + (Math.log(1 + Math.exp(1) + Math.exp(2)) - 2)
            + (Math.log(Math.exp(4) + 1 + Math.exp(1)) - 1);
    double b =
        (Math.log(Math.exp(1) + 2) - 1)
            + (Math.log(Math.exp(2) + Math.exp(1) + 1) - 1)
            + (Math.log(1 + Math.exp(3) + Math.exp(1)) - 1)
            + (Math.log(2 + Math.exp(9)) - 9);
    Dataset<Row> ab = frame(KA, A, KB, B);
    assertThat(fit(EnsembleMode.UNIFORM, ab, KA, KB).figures(ab).loss())
        .isCloseTo((a / 4 + b / 4) / 2, within(1e-12));
  }

  @Test
  void tiesGoToTheLowerClassAndAConstantRowScalesToZero() {
    // (1, 1, 0) with label 1: class 0 ties and comes first. (2, 2, 2) with label 0: all 0, first.
    // (0, 7, 7) with label 2: class 1 ties first, but class 2 is in the top two.
    Logits t = new Logits(new float[][] {{1, 1, 0}, {2, 2, 2}, {0, 7, 7}}, new int[] {1, 0, 2});
    Dataset<Row> f = frame(KA, t);
    WeightedEnsemble e = fit(EnsembleMode.UNIFORM, f, KA);
    assertThat(e.transform(f).orderBy("sample").collectAsList())
        .extracting(r -> r.<Integer>getAs("rank"))
        .containsExactly(1, 0, 1);
    Row constant = e.transform(f).where("sample = 1").first();
    assertThat(constant.<Double>getList(constant.fieldIndex("scores"))).containsOnly(0.0);
    assertThat(e.figures(f).top1()).isEqualTo(1.0 / 3);
  }

  @Test
  void aMemberMissingASampleIsAnError() {
    Dataset<Row> gap =
        frame(KA, A, KB, B).where("NOT (member = 'x' AND run_id = 'l2' AND sample = 3)");
    WeightedEnsemble e = fit(EnsembleMode.UNIFORM, gap, KA, KB);
    assertThatThrownBy(() -> e.figures(gap))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 of 4 samples lack a member's scores");
  }
}
