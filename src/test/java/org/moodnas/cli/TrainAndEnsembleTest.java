package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.moodnas.analysis.ensemble.Logits;
import org.moodnas.data.DataFeed;
import org.moodnas.data.TrainingData;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Tables;
import org.moodnas.store.Warehouse;
import org.moodnas.testing.TinyFashionMnist;

/**
 * A tiny real train run on Fashion-MNIST through the Spark job (the front of a recorded search, the
 * first training of each genotype failing as out of memory on purpose), then a per-class ensemble
 * of its checkpoints; each test checks one thing of them.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainAndEnsembleTest {

  private String wh;
  private Warehouse warehouse;
  private SparkSession spark;
  private CliRun train;
  private CliRun ensemble;

  private static String[] tiny(String command, String... more) {
    return TinyTrainedRuns.tiny(command, more);
  }

  @BeforeAll
  void trainTheFrontOfARecordedSearchAndEnsembleIt() {
    TinyTrainedRuns runs = TinyTrainedRuns.get();
    wh = runs.wh();
    warehouse = runs.warehouse();
    spark = SparkSessions.getOrCreate("local[2]");
    train = runs.train();
    ensemble = runs.ensemble();
  }

  private List<Row> evaluations() {
    return warehouse
        .read(Tables.EVAL_TRIALS)
        .where("run_id = 'tiny'")
        .orderBy("arch")
        .collectAsList();
  }

  private Row ensembleRow() {
    return warehouse.read(Tables.ENSEMBLES).where("run_id = 'ens'").first();
  }

  @Test
  void trainsTheFrontsGenotypesOnceUnderTheirNames() {
    List<Row> rows = evaluations();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("arch"))
        .containsExactly("l2_loss_0e00", "l2_loss_1e01");
    assertThat(rows).extracting(r -> r.<Double>getAs("reg_weight")).containsExactly(0.0, 0.1);
    assertThat(rows).extracting(r -> r.<String>getAs("source_run_id")).containsOnly("s");
    assertThat(rows).extracting(r -> r.<String>getAs("status")).containsOnly("ok");
    assertThat(train.err())
        .contains("l2_loss_6e02 has the same genotype as l2_loss_1e01")
        .doesNotContain("l2_loss_3e02");
  }

  @Test
  void recordsAProfileOfEachTrainedGenotypeWhereItTrained() {
    List<Row> profiles =
        warehouse.read(Tables.PROFILES).where("source = 'tiny'").orderBy("name").collectAsList();
    assertThat(profiles)
        .extracting(r -> r.<String>getAs("name"))
        .containsExactly("l2_loss_0e00", "l2_loss_1e01");
    List<Row> evaluated = evaluations();
    for (int i = 0; i < profiles.size(); i++) {
      Row p = profiles.get(i);
      assertThat(p.<String>getAs("genotype")).isEqualTo(evaluated.get(i).getAs("genotype"));
      assertThat(p.<String>getAs("network")).isEqualTo("cifar");
      assertThat(p.<Integer>getAs("init_channels")).isEqualTo(8);
      assertThat(p.<Integer>getAs("layers")).isEqualTo(3);
      assertThat(p.<Integer>getAs("classes")).isEqualTo(10);
      assertThat(p.<String>getAs("latency_device")).isEqualTo("cpu");
      assertThat(p.<Integer>getAs("batch_size")).isEqualTo(1);
      assertThat(p.<Integer>getAs("runs")).isEqualTo(50);
      assertThat(p.<Double>getAs("latency_ms")).isPositive();
      assertThat(p.<String>getAs("device")).startsWith("cpu (1 thread)");
    }
  }

  @Test
  void aDoneTrainRunKeepsItsNetworksAndNoTrainingState() {
    Path run = Path.of(wh).resolve("checkpoints/tiny");
    // the state left before the run (TinyTrainedRuns) is gone with the run's training/ folder
    assertThat(run.resolve("training")).doesNotExist();
    assertThat(run.resolve(TinyTrainedRuns.INTERRUPTED + ".ckpt")).isRegularFile();
    assertThat(run.resolve("l2_loss_1e01.ckpt")).isRegularFile();
  }

  @Test
  void showsEachRunningEvaluationsProgress() {
    assertThat(train.err())
        .containsPattern("evaluation [01] on executor driver: epoch 1/1 step \\d+/\\d+ loss");
  }

  @Test
  void recordsTheBatchAttemptsAndPredictedMemoryOfEachTraining() {
    for (Row r : evaluations()) {
      assertThat(r.<Integer>getAs("batch_size")).isEqualTo(32);
      assertThat(r.<Integer>getAs("attempts")).isEqualTo(1);
      assertThat(r.<Double>getAs("predicted_memory_mb")).isPositive();
    }
  }

  @Test
  void checkpointsEveryNetworkAndRecordsEveryEpoch() throws Exception {
    for (Row r : evaluations()) {
      assertThat(Files.size(Path.of(r.<String>getAs("checkpoint")))).isPositive();
    }
    assertThat(warehouse.read(Tables.EVAL_EPOCHS).where("run_id = 'tiny'").count()).isEqualTo(2);
  }

  @Test
  void aResumedDoneRunTrainsAndWritesNothing() {
    long runsVersion = DeltaTable.forPath(spark, wh + "/runs").history(1).first().getLong(0);
    CliRun resumed =
        CliRun.of("train", "--warehouse", wh, "--resume", "tiny", "--master", "local[2]");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err())
        .contains("run tiny is done: nothing to resume")
        .doesNotContain("evaluation 0:");
    assertThat(DeltaTable.forPath(spark, wh + "/runs").history(1).first().getLong(0))
        .isEqualTo(runsVersion);
  }

  @Test
  void theEnsembleRecordsItsMembersModeAndParameters() {
    Row e = ensembleRow();
    List<Row> rows = evaluations();
    assertThat(e.<String>getList(e.fieldIndex("members")))
        .containsExactly("l2_loss_0e00", "l2_loss_1e01");
    assertThat(e.<String>getAs("mode")).isEqualTo("per_class");
    assertThat(e.<Long>getAs("params"))
        .isEqualTo(rows.get(0).<Long>getAs("params") + rows.get(1).<Long>getAs("params"));
  }

  @Test
  void perClassWeightsAndAccuracyFollowThePublishedRule() throws Exception {
    TrainingData data =
        TrainingData.load(TinyFashionMnist.data(), 0, 0.8, new PrintWriter(new StringWriter()));
    DataFeed feed = data.feed(0);
    List<Logits> heldOut = new ArrayList<>();
    List<Logits> test = new ArrayList<>();
    List<Logits> trainPart = new ArrayList<>();
    TinyTrainedRuns.eachMember(
        warehouse,
        "tiny",
        (loaded, m) -> {
          heldOut.add(Logits.of(loaded.network(), m, feed, data.heldOut()));
          test.add(Logits.of(loaded.network(), m, feed, data.test()));
          trainPart.add(PublishedEnsemble.trainQueue(loaded, m, feed, data));
        });
    double[][] expected = PublishedEnsemble.perClassWeights(heldOut);
    Row e = ensembleRow();
    double[][] stored = new ObjectMapper().readValue(e.<String>getAs("weights"), double[][].class);
    assertThat(stored).hasDimensions(2, 10);
    for (int m = 0; m < 2; m++) {
      for (int c = 0; c < 10; c++) {
        assertThat(stored[m][c]).isCloseTo(expected[m][c], within(1e-12));
      }
    }
    double top1 = e.getAs("test_top1");
    assertThat(top1).isCloseTo(PublishedEnsemble.top1(test, expected), within(1e-12));
    assertThat(e.<Double>getAs("test_top5")).isBetween(top1, 1.0);
    // ensemble.py's figures on the training part follow the test figures.
    assertThat(trainPart.get(0).samples()).isEqualTo(480);
    double trainTop1 = e.getAs("train_top1");
    assertThat(trainTop1).isCloseTo(PublishedEnsemble.top1(trainPart, expected), within(1e-12));
    assertThat(e.<Double>getAs("train_top5")).isBetween(trainTop1, 1.0);
    assertThat(e.<Double>getAs("train_loss")).isPositive();
    assertThat(e.<Double>getAs("held_out_top1"))
        .isCloseTo(PublishedEnsemble.top1(heldOut, expected), within(1e-12));
    assertThat(e.<Double>getAs("train_portion")).isEqualTo(0.8);
    assertThat(ensemble.err())
        .contains(
            "ensemble: weights from the rest of the training set after the first 80 % (120"
                + " images): the train run's held-out split")
        .contains("training accuracy on the first 80 % of the training set (480 images");
  }

  @Test
  void recordedRunIdsAreNotReused() {
    // The rows recorded under them would silently stay as they are.
    CliRun reusedTrain =
        CliRun.of(tiny("train", "--archs", "DARTS_V2", "--warehouse", wh, "--run-id", "tiny"));
    assertThat(reusedTrain.code()).isEqualTo(2);
    assertThat(reusedTrain.err()).contains("--run-id tiny: already in the warehouse");
    CliRun reusedEnsemble =
        CliRun.of("ensemble", "--train-run", "tiny", "--warehouse", wh, "--run-id", "ens");
    assertThat(reusedEnsemble.code()).isEqualTo(2);
    assertThat(reusedEnsemble.err()).contains("--run-id ens: already in the warehouse");
  }

  @Test
  void aRunIsResumedOrReadOnlyAsWhatItIs() {
    String[][] wrongKind = {
      tiny("train", "--archs", "DARTS_V2", "--warehouse", wh, "--resume", "s"),
      tiny("train", "--from-search", "tiny", "--warehouse", wh),
      {"ensemble", "--train-run", "s", "--warehouse", wh}
    };
    String[] says = {
      "--resume s: a search run, not a train run",
      "--from-search tiny: a train run, not a search run",
      "--train-run s: a search run, not a train run"
    };
    for (int i = 0; i < wrongKind.length; i++) {
      CliRun r = CliRun.of(wrongKind[i]);
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err().lines().toList()).singleElement().asString().contains(says[i]);
    }
  }
}
