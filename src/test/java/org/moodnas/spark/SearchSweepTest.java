package org.moodnas.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.bench.Overlap;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.InvalidSettingException;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.SweepSpec;
import org.moodnas.pareto.Point;
import org.moodnas.store.Runs;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Tables;
import org.moodnas.store.Warehouse;
import org.moodnas.testing.SimulatedSweeps;
import org.moodnas.testing.TinyFashionMnist;
import org.moodnas.testing.Trials;

/**
 * Sweeps through local Spark into Delta tables. Long: the sweep's cases share its fixtures (the toy
 * problem, a recorded run, tiny real data).
 */
@Tag("slow")
class SearchSweepTest {

  private static SparkSession spark;
  private static final PrintWriter QUIET = new PrintWriter(new StringWriter());

  /** A simulated sweep run to its end one trial at a time, shared by the tests that read it. */
  @TempDir static Path shared;

  private static Warehouse sequential;
  private static List<Point> sequentialFront;
  private static final StringWriter SEQUENTIAL_LOG = new StringWriter();

  @BeforeAll
  static void sweepOnceToTheEnd() throws InterruptedException {
    spark = SparkSessions.getOrCreate("local[2]");
    sequential = warehouse(shared);
    sequentialFront =
        sweep(sequential, "seq", SimulatedSweeps.sweep(1, 0, 0), new PrintWriter(SEQUENTIAL_LOG))
            .start();
  }

  private static Warehouse warehouse(Path dir) {
    return new Warehouse(spark, dir.toUri().toString());
  }

  private static SearchSweep sweep(Warehouse wh, String runId, SweepSpec spec, PrintWriter log) {
    return new SearchSweep(spark, wh, runId, spec, log);
  }

  private static List<Row> trials(Warehouse wh, String runId) {
    return wh.read(Tables.SEARCH_TRIALS)
        .where("run_id = '" + runId + "'")
        .orderBy("trial_index")
        .collectAsList();
  }

  private static List<Double> recordedNus(Warehouse wh, String runId) {
    return trials(wh, runId).stream().map(r -> r.<Double>getAs("reg_weight")).toList();
  }

  private static Row run(Warehouse wh, String runId) {
    return wh.read(Tables.RUNS).where("run_id = '" + runId + "'").first();
  }

  @Test
  void aSequentialSweepRecordsThePublishedSequenceOfWeights() {
    List<Row> trials = trials(sequential, "seq");
    assertThat(trials).hasSize(11);
    assertThat(trials)
        .extracting(r -> r.<Integer>getAs("trial_index"))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(trials).extracting(r -> r.<String>getAs("status")).containsOnly("ok");
    double[] expected = {0.2, 0.0, 0.107143, 0.155172, 0.177966};
    for (int i = 0; i < expected.length; i++) {
      assertThat(trials.get(i).<Double>getAs("reg_weight")).isCloseTo(expected[i], within(5e-7));
    }
    assertThat(sequentialFront).hasSize(11);
  }

  @Test
  void aFinishedSweepClosesItsRunAsDone() {
    assertThat(run(sequential, "seq").<String>getAs("status")).isEqualTo("done");
    assertThat(run(sequential, "seq").<Object>getAs("finished_at")).isNotNull();
    assertThat(SEQUENTIAL_LOG.toString()).contains("trial 10 done");
  }

  @Test
  void aTrialRecordsWhereItRanAndItsAttempt() {
    Row trial = trials(sequential, "seq").get(0);
    assertThat(trial.<Integer>getAs("attempt")).isEqualTo(1);
    assertThat(trial.<String>getAs("device")).isEqualTo("simulated on executor driver");
  }

  @Test
  void aParallelSweepRecordsEveryTrialOnce(@TempDir Path dir) throws Exception {
    Warehouse wh = warehouse(dir);
    sweep(wh, "par", SimulatedSweeps.sweep(2, 0, 0.2), QUIET).start();
    List<Integer> indices =
        trials(wh, "par").stream().map(r -> r.<Integer>getAs("trial_index")).toList();
    assertThat(indices).doesNotHaveDuplicates();
    assertThat(indices.size()).isBetween(9, 14);
  }

  @Test
  void runningTrialsShowProgressFromHeartbeats(@TempDir Path dir) throws Exception {
    Warehouse wh = warehouse(dir);
    StringWriter log = new StringWriter();
    sweep(wh, "live", SimulatedSweeps.sweep(1, 1, 4), new PrintWriter(log)).start();
    // Heartbeats every second during a 4 s trial: partial progress reaches the driver.
    assertThat(log.toString())
        .containsPattern(
            "trial 0 on executor driver: epoch 1/1 step [1-7]/8, \\d+% done, ETA \\d+ s");
  }

  @Test
  void askingForGpusInPlainLocalModeIsAnError(@TempDir Path dir) {
    SweepSpec oneGpu =
        SweepSpec.of(SimulatedSweeps.sweep(1, 1, 0).trial(), new FanOutSpec(1, 1))
            .withMaxTrials(1)
            .simulated(0);
    assertThatThrownBy(() -> sweep(warehouse(dir), "gpu", oneGpu, QUIET).start())
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo("gpusPerTrial"))
        .hasMessageMatching(".*local mode \\(local\\[[^]]+]\\) never offers GPUs.*");
  }

  @Test
  void aStoppedSweepResumesToTheSameTrialsEachRecordedOnce(@TempDir Path dir) throws Exception {
    Warehouse wh = warehouse(dir);
    sweep(wh, "cut", SimulatedSweeps.sweep(1, 4, 0), QUIET).start();
    assertThat(recordedNus(wh, "cut")).hasSize(4);
    assertThat(run(wh, "cut").<String>getAs("status")).isEqualTo("stopped");

    sweep(wh, "cut", SimulatedSweeps.sweep(1, 0, 0), QUIET).resume();
    assertThat(recordedNus(wh, "cut")).hasSize(11).isEqualTo(recordedNus(sequential, "seq"));
    assertThat(run(wh, "cut").<String>getAs("status")).isEqualTo("done");
  }

  @Test
  void aResumeRunsAgainTheTrialsCutShortUnderTheirIndices(@TempDir Path dir) throws Exception {
    Warehouse wh = warehouse(dir);
    // Two trials ran at once and the second finished first: then the driver died.
    new Runs(wh).start("gap", SimulatedSweeps.sweep(2, 0, 0));
    new SearchRecords(wh)
        .recordTrial("gap", 1, Trials.ok(0, 1.0, 0.0, null), 1, Instant.now(), Instant.now());

    StringWriter log = new StringWriter();
    sweep(wh, "gap", SimulatedSweeps.sweep(1, 0, 0), new PrintWriter(log)).resume();
    assertThat(log.toString()).contains("after 1 recorded trials (1 cut short");
    // trial 0 took the initial weight it had, and the sweep went on as an uninterrupted one
    assertThat(recordedNus(wh, "gap")).isEqualTo(recordedNus(sequential, "seq"));
    assertThat(trials(wh, "gap"))
        .extracting(r -> r.<Integer>getAs("trial_index"))
        .containsExactlyElementsOf(IntStream.range(0, 11).boxed().toList());
    assertThat(run(wh, "gap").<String>getAs("status")).isEqualTo("done");
  }

  @Test
  void aRepeatedTrialAppendIsSkipped(@TempDir Path dir) {
    Warehouse wh = warehouse(dir);
    SearchRecords records = new SearchRecords(wh);
    records.recordTrial("rep", 3, Trials.ok(0.1, 0.5, 0.2, null), 1, Instant.now(), Instant.now());
    records.recordTrial("rep", 5, Trials.ok(0.1, 0.5, 0.2, null), 1, Instant.now(), Instant.now());
    // a retried task appends trial 3 again
    records.recordTrial("rep", 3, Trials.ok(0.1, 0.5, 0.2, null), 2, Instant.now(), Instant.now());
    assertThat(trials(wh, "rep"))
        .extracting(r -> r.<Integer>getAs("attempt"))
        .containsExactly(1, 1);
  }

  @Test
  void aRunningTrialsEpochsAreInTheTableBeforeItsRow(@TempDir Path dir) throws Exception {
    Warehouse wh = warehouse(dir);
    SearchSpec threeEpochs =
        TinyFashionMnist.search()
            .withTraining(TinyFashionMnist.search().training().toBuilder().epochs(3).build());
    SweepSpec spec =
        SweepSpec.of(threeEpochs, FanOutSpec.sequential()).withDelta(10).withMaxTrials(1);
    // a reader polling the tables while the trial trains, as `mood-nas sql` would
    AtomicLong epochsSeenBeforeTheTrialRow = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread poller =
        new Thread(
            () -> {
              while (running.get()) {
                long epochs = wh.read(Tables.SEARCH_EPOCHS).count();
                if (wh.read(Tables.SEARCH_TRIALS).isEmpty()) {
                  epochsSeenBeforeTheTrialRow.accumulateAndGet(epochs, Math::max);
                }
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    poller.start();
    try {
      sweep(wh, "live-epochs", spec, QUIET).start();
    } finally {
      running.set(false);
      poller.join();
    }
    assertThat(epochsSeenBeforeTheTrialRow.get()).isBetween(1L, 3L);
    assertThat(
            wh.read(Tables.SEARCH_EPOCHS).orderBy("epoch").collectAsList().stream()
                .map(r -> r.<Integer>getAs("epoch")))
        .containsExactly(0, 1, 2);
    assertThat(trials(wh, "live-epochs")).hasSize(1);
  }

  @Test
  void aTinyRealSweepOnFashionMnistRecordsTrialsAndEpochs(@TempDir Path dir) throws Exception {
    Warehouse wh = warehouse(dir);
    // δ = 10: the two initial weights already cover the front.
    SweepSpec spec = SweepSpec.of(TinyFashionMnist.search(), new FanOutSpec(2, 0)).withDelta(10);
    sweep(wh, "real", spec, QUIET).start();
    List<Row> trials = trials(wh, "real");
    assertThat(trials).hasSize(2);
    for (Row r : trials) {
      assertThat(r.<String>getAs("status"))
          .as(String.valueOf(r.<String>getAs("error")))
          .isEqualTo("ok");
      assertThat(r.<Double>getAs("valid_acc")).isBetween(0.0, 1.0);
      assertThat(r.<Double>getAs("model_size_mb")).isPositive();
      assertThat(r.<String>getAs("genotype")).startsWith("{\"normal\":");
      // local[2], two at once: each trial with one of the two cores
      assertThat(r.<String>getAs("device")).isEqualTo("cpu (1 thread) on executor driver");
    }
    // both trained at once in this JVM
    Overlap o = Overlap.of(new SearchRecords(wh).spans("real"));
    assertThat(o.most()).isEqualTo(2);
    assertThat(o.overlapSeconds()).isGreaterThan(0.5 * o.busySeconds());
    assertThat(trials.get(0).<Double>getAs("reg_weight")).isEqualTo(0.2);
    assertThat(wh.read(Tables.SEARCH_EPOCHS).where("run_id = 'real'").count()).isEqualTo(2);
  }
}
