package org.moodnas.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.moodnas.analysis.ensemble.EnsembleScores;
import org.moodnas.analysis.ensemble.EnsembleWeighing;
import org.moodnas.analysis.ensemble.EnsembleWeights;
import org.moodnas.analysis.ensemble.Logits;
import org.moodnas.analysis.ensemble.MemberKey;
import org.moodnas.analysis.ensemble.WeightedEnsemble;
import org.moodnas.core.EnsembleMode;
import org.moodnas.data.DataFeed;
import org.moodnas.data.TrainingData;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Tables;
import org.moodnas.testing.PredictionRows;
import org.moodnas.testing.TinyFashionMnist;

/**
 * The ensemble transforms over predictions frames equal the driver-side ensemble (every member's
 * logits in arrays, {@link EnsembleWeights} and {@link EnsembleScores}) on the members of the tiny
 * trained run, in every mode: the weights, test top-1, top-5 and mean loss, and top-1 on the
 * weighing split.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameEnsembleOfTinyRunTest {

  private final List<Logits> test = new ArrayList<>();
  private final List<Logits> weighing = new ArrayList<>();
  private final List<MemberKey> keys = new ArrayList<>();
  private Dataset<Row> testFrame;
  private Dataset<Row> weighingFrame;
  private TinyTrainedRuns runs;

  @BeforeAll
  void scoreTheMembersOnTheDriver() {
    runs = TinyTrainedRuns.get();
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    // The tiny run held out the last 20 %: the ensemble weighs its members there.
    TrainingData data =
        TrainingData.load(TinyFashionMnist.data(), 0, 0.8, new PrintWriter(new StringWriter()));
    DataFeed feed = data.feed(0);
    TinyTrainedRuns.eachMember(
        runs.warehouse(),
        "tiny",
        (loaded, m) -> {
          test.add(Logits.of(loaded.network(), m, feed, data.test()));
          weighing.add(Logits.of(loaded.network(), m, feed, data.heldOut()));
        });
    runs.warehouse()
        .read(Tables.EVAL_TRIALS)
        .where(col("run_id").equalTo("tiny"))
        .orderBy("arch")
        .collectAsList()
        .forEach(r -> keys.add(new MemberKey("tiny", r.getAs("arch"))));
    List<Row> t = new ArrayList<>();
    List<Row> w = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      t.addAll(PredictionRows.of(keys.get(i), "h", "test", test.get(i)));
      w.addAll(PredictionRows.of(keys.get(i), "h", "weights", weighing.get(i)));
    }
    testFrame = spark.createDataFrame(t, PredictionRows.SCHEMA);
    weighingFrame = spark.createDataFrame(w, PredictionRows.SCHEMA);
  }

  @Test
  void everyModeEqualsTheDriverSideEnsemble() {
    assertThat(keys).hasSize(2);
    assertThat(test.get(0).samples()).isPositive();
    double loss = test.stream().mapToDouble(EnsembleScores::crossEntropy).average().orElseThrow();
    for (EnsembleMode mode :
        List.of(EnsembleMode.UNIFORM, EnsembleMode.PER_MODEL, EnsembleMode.PER_CLASS)) {
      boolean uniform = mode == EnsembleMode.UNIFORM;
      EnsembleWeights.Weights expected = EnsembleWeights.compute(uniform ? test : weighing, mode);
      WeightedEnsemble frames =
          new EnsembleWeighing(keys, mode).fit(uniform ? testFrame : weighingFrame);
      assertThat(frames.weights()).as(mode.toString()).isDeepEqualTo(expected.values());
      assertThat(frames.uniformFallback()).isEqualTo(expected.uniformFallback());
      EnsembleScores scores = EnsembleScores.combine(test, expected.values());
      WeightedEnsemble.Figures f = frames.figures(testFrame);
      assertThat(f.samples()).isEqualTo(test.get(0).samples());
      assertThat(f.top1()).as(mode + " top-1").isCloseTo(scores.topK(1), within(1e-12));
      assertThat(f.top5()).as(mode + " top-5").isCloseTo(scores.topK(5), within(1e-12));
      assertThat(f.loss()).as(mode + " loss").isCloseTo(loss, within(1e-9));
      double heldOut = EnsembleScores.combine(weighing, expected.values()).topK(1);
      assertThat(frames.figures(weighingFrame).top1()).isCloseTo(heldOut, within(1e-12));
    }
  }

  @Test
  void theEnsembleCommandOverThePredictionsTableRecordsTheDriverSideFigures() throws Exception {
    // run ens: --calculate --per-class over run tiny, from the predictions its train run wrote
    // (logits of the executors' batches: equal to the driver's to 1e-5, the loss to about that)
    assertThat(runs.ensemble().err())
        .contains("ensemble: test predictions from the predictions table")
        .contains("ensemble: weights predictions from the predictions table");
    Row e = runs.warehouse().read(Tables.ENSEMBLES).where("run_id = 'ens'").first();
    EnsembleWeights.Weights expected = EnsembleWeights.compute(weighing, EnsembleMode.PER_CLASS);
    double[][] stored = new ObjectMapper().readValue(e.<String>getAs("weights"), double[][].class);
    assertThat(stored).isDeepEqualTo(expected.values());
    EnsembleScores scores = EnsembleScores.combine(test, expected.values());
    assertThat(e.<Double>getAs("test_top1")).isCloseTo(scores.topK(1), within(1e-12));
    assertThat(e.<Double>getAs("test_top5")).isCloseTo(scores.topK(5), within(1e-12));
    assertThat(e.<Double>getAs("test_loss"))
        .isCloseTo(
            test.stream().mapToDouble(EnsembleScores::crossEntropy).average().orElseThrow(),
            within(1e-5));
    assertThat(e.<Double>getAs("held_out_top1"))
        .isCloseTo(EnsembleScores.combine(weighing, expected.values()).topK(1), within(1e-12));
  }

  @Test
  void aGreedySelectionStaysWithinItsBudgetAndRecordsIt() throws Exception {
    List<Row> members =
        runs.warehouse()
            .read(Tables.EVAL_TRIALS)
            .where("run_id = 'tiny'")
            .orderBy(col("params"), col("arch"))
            .collectAsList();
    long smallest = members.get(0).<Long>getAs("params");
    assertThat(members.get(1).<Long>getAs("params")).isGreaterThan(smallest);
    CliRun tooSmall = greedy("greedy-none", smallest - 1);
    assertThat(tooSmall.code()).isNotZero();
    assertThat(tooSmall.err())
        .contains("--budget-params " + (smallest - 1) + ": no candidate fits");
    CliRun g = greedy("greedy-small", smallest);
    assertThat(g.code()).as(g.err()).isZero();
    // only the smallest network fits: the selection is that network alone
    Row e = runs.warehouse().read(Tables.ENSEMBLES).where("run_id = 'greedy-small'").first();
    assertThat(e.getList(e.fieldIndex("members")))
        .containsExactly(members.get(0).<String>getAs("arch"));
    assertThat(e.<Long>getAs("params")).isEqualTo(smallest);
    int alone = keys.indexOf(new MemberKey("tiny", members.get(0).getAs("arch")));
    double[][] one = new double[1][test.get(alone).classes()];
    java.util.Arrays.fill(one[0], 1);
    assertThat(e.<Double>getAs("test_top1"))
        .isCloseTo(EnsembleScores.combine(List.of(test.get(alone)), one).topK(1), within(1e-12));
    String config =
        runs.warehouse().read(Tables.RUNS).where("run_id = 'greedy-small'").first().getAs("config");
    assertThat(new ObjectMapper().readTree(config).get("budget_params").asLong())
        .isEqualTo(smallest);
  }

  private CliRun greedy(String id, long budget) {
    return CliRun.of(
        "ensemble",
        "--train-run",
        "tiny",
        "--select",
        "greedy",
        "--budget-params",
        String.valueOf(budget),
        "--warehouse",
        runs.wh(),
        "--run-id",
        id,
        "--master",
        "local[2]");
  }
}
