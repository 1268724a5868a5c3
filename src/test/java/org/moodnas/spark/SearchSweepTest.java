package org.moodnas.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.pareto.Point;
import org.moodnas.pareto.WeightEstimator;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Tables;
import org.moodnas.store.Warehouse;
import org.moodnas.train.DataSource;
import org.moodnas.train.SearchConfig;
import org.moodnas.train.TrialResult;

/** Sweeps through local Spark into Delta tables. */
class SearchSweepTest {

  private static SparkSession spark;
  private static final PrintWriter QUIET = new PrintWriter(new StringWriter());

  @BeforeAll
  static void session() {
    spark = SparkSessions.getOrCreate("local[2]");
  }

  private static SweepSettings simulated(
      String runId, int parallelism, int maxTrials, double seconds) {
    return new SweepSettings(
        runId,
        "l2",
        WeightEstimator.DEFAULT_INITIAL,
        WeightEstimator.DEFAULT_DELTA,
        parallelism,
        3e-4,
        seconds,
        maxTrials,
        0,
        null,
        null);
  }

  private static List<Double> recordedNus(Warehouse wh, String runId) {
    return wh
        .read(Tables.SEARCH_TRIALS)
        .where("run_id = '" + runId + "'")
        .orderBy("trial_index")
        .select("reg_weight")
        .collectAsList()
        .stream()
        .map(r -> r.getDouble(0))
        .toList();
  }

  private static String runStatus(Warehouse wh, String runId) {
    return wh.read(Tables.RUNS).where("run_id = '" + runId + "'").first().getAs("status");
  }

  @Test
  void sequentialSimulatedSweepRecordsThePublishedSequence(@TempDir Path dir) throws Exception {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    StringWriter log = new StringWriter();
    List<Point> front =
        new SearchSweep(
                spark, new SearchRecords(wh), simulated("seq", 1, 0, 0), new PrintWriter(log))
            .run("{}");

    List<Row> trials =
        wh.read(Tables.SEARCH_TRIALS)
            .orderBy("trial_index")
            .select("trial_index", "reg_weight", "status")
            .collectAsList();
    assertThat(trials).hasSize(11);
    double[] expected = {0.2, 0.0, 0.107143, 0.155172, 0.177966};
    for (int i = 0; i < trials.size(); i++) {
      assertThat(trials.get(i).getInt(0)).isEqualTo(i);
      assertThat(trials.get(i).getString(2)).isEqualTo("ok");
      if (i < expected.length) {
        assertThat(trials.get(i).getDouble(1)).isCloseTo(expected[i], within(5e-7));
      }
    }
    assertThat(front).hasSize(11);
    assertThat(runStatus(wh, "seq")).isEqualTo("done");
    assertThat(wh.read(Tables.RUNS).first().<Object>getAs("finished_at")).isNotNull();
    assertThat(log.toString()).contains("trial 10 done");
  }

  @Test
  void parallelSweepRecordsEveryTrialOnce(@TempDir Path dir) throws Exception {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    new SearchSweep(spark, new SearchRecords(wh), simulated("par", 2, 0, 0.2), QUIET).run("{}");
    List<Row> rows = wh.read(Tables.SEARCH_TRIALS).select("trial_index").collectAsList();
    long distinct = rows.stream().map(r -> r.getInt(0)).distinct().count();
    assertThat(distinct).isEqualTo(rows.size());
    assertThat(rows.size()).isBetween(9, 14);
  }

  @Test
  void runningTrialsShowProgressFromHeartbeats(@TempDir Path dir) throws Exception {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    StringWriter log = new StringWriter();
    new SearchSweep(spark, new SearchRecords(wh), simulated("live", 1, 1, 4), new PrintWriter(log))
        .run("{}");
    // Heartbeats every second during a 4 s trial: partial progress reaches the driver.
    assertThat(log.toString())
        .containsPattern(
            "trial 0 on executor driver: epoch 1/1 step [1-7]/8, \\d+% done, ETA \\d+ s");
    Row trial = wh.read(Tables.SEARCH_TRIALS).first();
    assertThat(trial.<Integer>getAs("attempt")).isEqualTo(1);
    assertThat(trial.<String>getAs("device")).isEqualTo("simulated on executor driver");
  }

  @Test
  void askingForGpusInPlainLocalModeIsAnError(@TempDir Path dir) {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    SweepSettings s = simulated("gpu", 1, 1, 0);
    SweepSettings oneGpu =
        new SweepSettings(
            s.runId(),
            s.objective(),
            s.initialWeights(),
            s.delta(),
            1,
            s.weightDecay(),
            0,
            1,
            1,
            null,
            null);
    assertThatThrownBy(() -> new SearchSweep(spark, new SearchRecords(wh), oneGpu, QUIET).run("{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--gpus-per-trial 1")
        .hasMessageMatching(".*local mode \\(local\\[[^]]+]\\) never offers GPUs.*");
  }

  @Test
  void aStoppedSweepResumesToTheSameTrialsEachRecordedOnce(@TempDir Path dir) throws Exception {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    new SearchSweep(spark, new SearchRecords(wh), simulated("whole", 1, 0, 0), QUIET).run("{}");
    new SearchSweep(spark, new SearchRecords(wh), simulated("cut", 1, 4, 0), QUIET).run("{}");
    assertThat(recordedNus(wh, "cut")).hasSize(4);
    assertThat(runStatus(wh, "cut")).isEqualTo("stopped");

    new SearchSweep(spark, new SearchRecords(wh), simulated("cut", 1, 0, 0), QUIET).resume();
    assertThat(recordedNus(wh, "cut")).hasSize(11).isEqualTo(recordedNus(wh, "whole"));
    assertThat(runStatus(wh, "cut")).isEqualTo("done");
  }

  @Test
  void aRepeatedTrialAppendIsSkipped(@TempDir Path dir) {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    SearchRecords records = new SearchRecords(wh);
    TrialResult r =
        new TrialResult(
            "l2", 0.1, 0.9, 3e-4, "ok", null, 0.5, 0.2, null, 0.5, null, null, null, null, "cpu",
            List.of(), 1.0);
    records.recordTrial("rep", 3, r, 1, Instant.now(), Instant.now());
    records.recordTrial("rep", 5, r, 1, Instant.now(), Instant.now());
    records.recordTrial("rep", 3, r, 2, Instant.now(), Instant.now()); // a retried task
    assertThat(wh.read(Tables.SEARCH_TRIALS).count()).isEqualTo(2);
  }

  @Test
  void aTinyRealSweepOnFashionMnistRecordsTrialsAndEpochs(@TempDir Path dir) throws Exception {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    SearchConfig trial =
        SearchConfig.defaults().toBuilder()
            .subsample(0.01)
            .initChannels(8)
            .layers(5)
            .epochs(1)
            .archWarmupEpochs(0)
            .batchSize(64)
            .build();
    // δ = 10: the two initial weights already cover the front.
    SweepSettings s =
        new SweepSettings(
            "real",
            "l2",
            WeightEstimator.DEFAULT_INITIAL,
            10,
            2,
            3e-4,
            0,
            0,
            0,
            trial,
            new DataSource("fashion-mnist", null, 0.01));
    new SearchSweep(spark, new SearchRecords(wh), s, QUIET).run("{}");
    List<Row> trials = wh.read(Tables.SEARCH_TRIALS).orderBy("trial_index").collectAsList();
    assertThat(trials).hasSize(2);
    for (Row r : trials) {
      assertThat(r.<String>getAs("status"))
          .as(String.valueOf(r.<String>getAs("error")))
          .isEqualTo("ok");
      assertThat(r.<Double>getAs("valid_acc")).isBetween(0.0, 1.0);
      assertThat(r.<Double>getAs("model_size_mb")).isPositive();
      assertThat(r.<String>getAs("genotype")).startsWith("{\"normal\":");
      assertThat(r.<String>getAs("device")).isEqualTo("cpu on executor driver");
    }
    assertThat(trials.get(0).<Double>getAs("reg_weight")).isEqualTo(0.2);
    assertThat(wh.read(Tables.SEARCH_EPOCHS).count()).isEqualTo(2);
  }
}
