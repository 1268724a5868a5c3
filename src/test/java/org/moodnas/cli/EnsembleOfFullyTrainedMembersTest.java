package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.moodnas.analysis.ensemble.EnsembleScores;
import org.moodnas.analysis.ensemble.Logits;
import org.moodnas.analysis.ensemble.MemberKey;
import org.moodnas.data.DataFeed;
import org.moodnas.data.TrainingData;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Predictions;
import org.moodnas.store.Tables;
import org.moodnas.store.Warehouse;
import org.moodnas.testing.PredictionRows;
import org.moodnas.testing.TinyFashionMnist;

/**
 * The published ensemble recipe: members trained on every training image (train portion 1), then
 * calculated weights at ensemble.py's default train portion 0.9, i.e. on the last tenth of the
 * training set, which the members trained on. Two tiny real trainings of registry genotypes.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnsembleOfFullyTrainedMembersTest {

  private String wh;
  private Warehouse warehouse;
  private CliRun ensemble;

  @BeforeAll
  void trainOnEveryImageThenEnsemble() throws Exception {
    wh = Files.createTempDirectory("ensemble-all").resolve("wh").toString();
    warehouse = new Warehouse(SparkSessions.getOrCreate("local[2]"), wh);
    CliRun train =
        CliRun.of(
            TinyFashionMnist.args(
                "train",
                "--master",
                "local[2]",
                "--archs",
                "PC_DARTS_cifar",
                "DARTS_V2",
                "--batch-size",
                "32",
                "--train-portion",
                "1",
                "--profile-runs",
                "0",
                "--warehouse",
                wh,
                "--run-id",
                "all"));
    assertThat(train.code()).as(train.err()).isZero();
    ensemble =
        CliRun.of(
            "ensemble",
            "--train-run",
            "all",
            "--calculate",
            "--warehouse",
            wh,
            "--run-id",
            "ens-all",
            "--master",
            "local[2]");
    assertThat(ensemble.code()).as(ensemble.err()).isZero();
  }

  @Test
  void weighsTheMembersOnTheLastTenthAndSaysTheyTrainedOnIt() throws Exception {
    assertThat(ensemble.err())
        .contains(
            "ensemble: weights from the rest of the training set after the first 90 % (60 images),"
                + " which the members trained on (the train run held no images out)");
    TrainingData data =
        TrainingData.load(TinyFashionMnist.data(), 0, 0.9, new PrintWriter(new StringWriter()));
    DataFeed feed = data.feed(0);
    List<Logits> rest = new ArrayList<>();
    TinyTrainedRuns.eachMember(
        warehouse,
        "all",
        (loaded, m) -> rest.add(Logits.of(loaded.network(), m, feed, data.heldOut())));
    double[][] expected = PublishedEnsemble.perModelWeights(rest);
    Row e = warehouse.read(Tables.ENSEMBLES).where("run_id = 'ens-all'").first();
    assertThat(e.<String>getAs("mode")).isEqualTo("per_model");
    assertThat(e.<Double>getAs("train_portion")).isEqualTo(0.9);
    double[][] stored = new ObjectMapper().readValue(e.<String>getAs("weights"), double[][].class);
    assertThat(stored).hasDimensions(2, 10);
    for (int m = 0; m < 2; m++) {
      for (int c = 0; c < 10; c++) {
        assertThat(stored[m][c]).isCloseTo(expected[m][0], within(1e-12));
      }
    }
    assertThat(e.<Double>getAs("held_out_top1"))
        .isCloseTo(PublishedEnsemble.top1(rest, stored), within(1e-12));
  }

  @Test
  void weighsOnAnotherSplitScoredOnTheExecutorsWithoutRecordingIt() throws Exception {
    CliRun other =
        CliRun.of(
            "ensemble",
            "--train-run",
            "all",
            "--calculate",
            "--train-portion",
            "0.8",
            "--warehouse",
            wh,
            "--run-id",
            "ens-80",
            "--master",
            "local[2]");
    assertThat(other.code()).as(other.err()).isZero();
    assertThat(other.err())
        .contains("ensemble: weights predictions scored on the executors (another split)");
    TrainingData data =
        TrainingData.load(TinyFashionMnist.data(), 0, 0.8, new PrintWriter(new StringWriter()));
    DataFeed feed = data.feed(0);
    List<Logits> rest = new ArrayList<>();
    TinyTrainedRuns.eachMember(
        warehouse,
        "all",
        (loaded, m) -> rest.add(Logits.of(loaded.network(), m, feed, data.heldOut())));
    Row e = warehouse.read(Tables.ENSEMBLES).where("run_id = 'ens-80'").first();
    double[][] stored = new ObjectMapper().readValue(e.<String>getAs("weights"), double[][].class);
    double[][] expected = PublishedEnsemble.perModelWeights(rest);
    for (int m = 0; m < 2; m++) {
      for (int c = 0; c < 10; c++) {
        assertThat(stored[m][c]).isCloseTo(expected[m][0], within(1e-12));
      }
    }
    assertThat(e.<Double>getAs("held_out_top1"))
        .isCloseTo(PublishedEnsemble.top1(rest, stored), within(1e-12));
    // the recorded weighing split stays the run's own: 0.9's last tenth, 60 images per member
    assertThat(
            warehouse
                .read(Tables.PREDICTIONS)
                .where("run_id = 'all' AND split = 'weights'")
                .count())
        .isEqualTo(120);
  }

  @Test
  void calculatedWeightsNeedImagesAfterTheSplit() {
    CliRun none =
        CliRun.of(
            "ensemble",
            "--train-run",
            "all",
            "--calculate",
            "--train-portion",
            "1",
            "--warehouse",
            wh,
            "--master",
            "local[2]");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err().lines().toList())
        .singleElement()
        .asString()
        .contains("--train-portion must be below 1 for calculated weights");
  }

  @Test
  void takesTheMembersPredictionsFromThePredictionsTableWhenItHoldsThem() throws Exception {
    TrainingData data =
        TrainingData.load(TinyFashionMnist.data(), 0, 0.9, new PrintWriter(new StringWriter()));
    DataFeed feed = data.feed(0);
    List<Logits> test = new ArrayList<>();
    List<Logits> rest = new ArrayList<>();
    List<String> names = new ArrayList<>();
    TinyTrainedRuns.eachMember(
        warehouse,
        "all",
        (loaded, m) -> {
          test.add(Logits.of(loaded.network(), m, feed, data.test()));
          rest.add(Logits.of(loaded.network(), m, feed, data.heldOut()));
          names.add(loaded.checkpoint().spec().genotype().hash());
        });
    // Both members' rows hold the first one's logits: read from the table, the members agree on
    // every image, so no one wins a contested one (per-model scores all 0: uniform weights).
    String[] archs = {"DARTS_V2", "PC_DARTS_cifar"};
    for (int i = 0; i < 2; i++) {
      record(archs[i], names.get(i), Predictions.Split.TEST, test.get(0));
      record(archs[i], names.get(i), Predictions.Split.WEIGHTS, rest.get(0));
    }
    CliRun fromTable =
        CliRun.of(
            "ensemble",
            "--train-run",
            "all",
            "--calculate",
            "--warehouse",
            wh,
            "--run-id",
            "ens-table",
            "--master",
            "local[2]");
    assertThat(fromTable.code()).as(fromTable.err()).isZero();
    assertThat(fromTable.err())
        .contains("ensemble: test predictions from the predictions table")
        .contains("ensemble: weights predictions from the predictions table");
    assertThat(fromTable.err()).contains("every score 0): uniform weights instead");
    List<Logits> same = List.of(test.get(0), test.get(0));
    double[][] ones = {new double[10], new double[10]};
    for (double[] row : ones) {
      java.util.Arrays.fill(row, 1);
    }
    Row e = warehouse.read(Tables.ENSEMBLES).where("run_id = 'ens-table'").first();
    assertThat(new ObjectMapper().readValue(e.<String>getAs("weights"), double[][].class))
        .isDeepEqualTo(ones);
    assertThat(e.<Double>getAs("test_top1"))
        .isCloseTo(EnsembleScores.combine(same, ones).topK(1), within(1e-12));
    assertThat(e.<Double>getAs("test_loss"))
        .isCloseTo(EnsembleScores.crossEntropy(test.get(0)), within(1e-9));
  }

  /** {@code logits} recorded in the predictions table as member {@code arch}'s on {@code split}. */
  private void record(String arch, String hash, Predictions.Split split, Logits logits) {
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    List<Row> rows = PredictionRows.of(new MemberKey("all", arch), hash, "x", logits);
    new Predictions(warehouse)
        .replace("all", arch, hash, split, spark.createDataFrame(rows, PredictionRows.SCHEMA));
  }
}
