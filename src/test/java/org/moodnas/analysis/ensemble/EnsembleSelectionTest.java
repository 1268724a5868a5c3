package org.moodnas.analysis.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.moodnas.spark.SparkSessions;
import org.moodnas.testing.PredictionRows;

/** Greedy ensemble selection on a frame small enough to follow by hand. */
class EnsembleSelectionTest {

  private static final SparkSession SPARK = SparkSessions.getOrCreate("local[2]");

  // Labels 2, 0, 2, 2. Scaled, C is (0,0,1) (1,0,1) (1,0,1) (0,1,1): right on samples 0 and 1
  // (sample 1's tie goes to class 0, its label); D is (1,0,0) (0,0,0) (0,1,½) (1,0,1): right on
  // sample 1 only.
  private static final int[] LABELS = {2, 0, 2, 2};
  private static final Logits C =
      new Logits(new float[][] {{0, 0, 1}, {1, 0, 1}, {2, 0, 2}, {0, 1, 1}}, LABELS);
  private static final Logits D =
      new Logits(new float[][] {{2, 1, 1}, {1, 1, 1}, {0, 2, 1}, {2, 1, 2}}, LABELS);
  private static final MemberKey KC = new MemberKey("r", "c");
  private static final MemberKey KD = new MemberKey("r", "d");

  private static Dataset<Row> frame() {
    List<Row> rows = new ArrayList<>(PredictionRows.of(KC, "h", "weights", C));
    rows.addAll(PredictionRows.of(KD, "h", "weights", D));
    return SPARK.createDataFrame(rows, PredictionRows.SCHEMA);
  }

  private static EnsembleSelection.Selection select(long budget, int steps) {
    return new EnsembleSelection(
            List.of(
                new EnsembleSelection.Candidate(KC, 100), new EnsembleSelection.Candidate(KD, 10)),
            budget,
            steps)
        .select(frame());
  }

  @Test
  void addsTheBestCandidateEachStepWithReplacementAndKeepsTheBestOnThePath() {
    // Step 1: C 2/4 against D 1/4. Step 2: C+C is C (2/4); C+D (1,0,1) (1,0,1) (1,1,1½) (1,1,2)
    // gets samples 1-3: 3/4. Step 3: 2C+D (1,0,2) (2,0,2) (2,1,2½) (1,2,3) gets all four; C+2D
    // (2,0,1) (1,0,1) (1,2,2) (2,1,3) two. Step 4: 3C+D also gets all four, not more: step 3 stays.
    EnsembleSelection.Selection s = select(Long.MAX_VALUE, 4);
    assertThat(s.path())
        .containsExactly(
            new EnsembleSelection.Step(KC, 0.5, 100),
            new EnsembleSelection.Step(KD, 0.75, 110),
            new EnsembleSelection.Step(KC, 1.0, 110),
            new EnsembleSelection.Step(KC, 1.0, 110));
    assertThat(s.bestSteps()).isEqualTo(3);
    // C chosen twice, D once: weights by times chosen over the most chosen.
    assertThat(s.ensemble().members()).containsExactly(KC, KD);
    assertThat(s.ensemble().weights()).isDeepEqualTo(new double[][] {{1, 1, 1}, {0.5, 0.5, 0.5}});
    assertThat(s.ensemble().figures(frame()).top1()).isEqualTo(1.0);
  }

  @Test
  void aBudgetLeavesOutTheNetworksThatWouldExceedIt() {
    // C (100 parameters) does not fit in 50: D alone, chosen again and again, 1/4 throughout.
    EnsembleSelection.Selection s = select(50, 3);
    assertThat(s.path()).extracting(EnsembleSelection.Step::added).containsOnly(KD);
    assertThat(s.path()).extracting(EnsembleSelection.Step::params).containsOnly(10L);
    assertThat(s.bestSteps()).isEqualTo(1);
    assertThat(s.ensemble().members()).containsExactly(KD);
    // 109: C alone fits, C and D together do not.
    assertThat(select(109, 3).ensemble().members()).containsExactly(KC);
    assertThatThrownBy(() -> select(9, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no candidate fits within 9 parameters (the smallest has 10)");
  }
}
