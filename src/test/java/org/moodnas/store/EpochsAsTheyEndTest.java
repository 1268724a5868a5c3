package org.moodnas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchMetrics;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrialResult;
import org.moodnas.core.Weight;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.spark.SparkSessions;
import org.moodnas.testing.DamagedLog;

/**
 * Epochs recorded as they end: each epoch row once, whatever order, repetition or overlap the
 * reports come in, across a "resume" (a fresh recorder reading the table) and the trial's end; and
 * an append Delta skips because a damaged log holds its transaction but not its rows fails.
 */
class EpochsAsTheyEndTest {

  private static SparkSession spark;
  private static final Genotype G = GenotypeRegistry.bundled().get("PC_DARTS_cifar");

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = SparkSessions.getOrCreate("local[2]");
  }

  private Warehouse warehouse() {
    return new Warehouse(spark, dir.resolve("wh").toUri().toString());
  }

  private static SearchEpoch epoch(int n) {
    return new SearchEpoch(
        n, 0.025, 2.0 - 0.1 * n, 0.3, 1.5, 10.0, 3.0, 1.4, 9.0, 2.5, null, G, 0, 1.0);
  }

  private static List<SearchEpoch> epochs(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(EpochsAsTheyEndTest::epoch).toList();
  }

  private static TrialResult finished(List<SearchEpoch> epochs) {
    return TrialResult.ok(
        SearchSpec.DEFAULTS,
        new Weight(0.1, 0.9),
        new SearchMetrics(2.5, 1.4, 3.0, 1.5, 9.0, 2.5, 0.3, 0.4, 1.0, 1000L),
        G,
        "cpu",
        epochs,
        6);
  }

  private static List<Integer> recordedEpochs(Warehouse wh, String run, int trial) {
    return wh
        .read(Tables.SEARCH_EPOCHS)
        .where("run_id = '" + run + "' AND trial_index = " + trial)
        .orderBy("epoch")
        .collectAsList()
        .stream()
        .map(r -> r.<Integer>getAs("epoch"))
        .toList();
  }

  private static long trialRows(Warehouse wh, String run) {
    return wh.read(Tables.SEARCH_TRIALS).where("run_id = '" + run + "'").count();
  }

  @Test
  void epochsAreRecordedOnceAsTheyEndThenTheTrialAfterThem() {
    Warehouse wh = warehouse();
    SearchRecords records = new SearchRecords(wh);
    records.recordEpochs("r", 0, epochs(0, 0));
    records.recordEpochs("r", 0, epochs(0, 0)); // the next heartbeat, same window
    records.recordEpochs("r", 0, epochs(0, 2)); // a window overlapping the recorded epochs
    assertThat(recordedEpochs(wh, "r", 0)).containsExactly(0, 1, 2);
    // the running trial shows its epochs before it has a row
    assertThat(trialRows(wh, "r")).isZero();

    // another trial's epochs are its own
    records.recordEpochs("r", 1, epochs(0, 1));
    assertThat(recordedEpochs(wh, "r", 1)).containsExactly(0, 1);

    // the driver dies; a resumed run records with a fresh recorder, the trial runs again
    SearchRecords resumed = new SearchRecords(wh);
    resumed.recordEpochs("r", 0, epochs(0, 1));
    resumed.recordEpochs("r", 0, epochs(0, 3));
    assertThat(recordedEpochs(wh, "r", 0)).containsExactly(0, 1, 2, 3);

    resumed.recordTrial("r", 0, finished(epochs(0, 5)), 1, Instant.now(), Instant.now());
    assertThat(recordedEpochs(wh, "r", 0)).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(trialRows(wh, "r")).isEqualTo(1);
    // a heartbeat that arrives after the trial's end adds nothing, nor does a retried end
    resumed.recordEpochs("r", 0, epochs(2, 5));
    new SearchRecords(wh)
        .recordTrial("r", 0, finished(epochs(0, 5)), 2, Instant.now(), Instant.now());
    assertThat(recordedEpochs(wh, "r", 0)).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(trialRows(wh, "r")).isEqualTo(1);
  }

  @Test
  void aWindowThatSkipsAnEpochWaitsForTheTrialsEnd() {
    Warehouse wh = warehouse();
    SearchRecords records = new SearchRecords(wh);
    records.recordEpochs("g", 0, epochs(0, 1));
    // epoch 2 never reached the driver: recording 3 and 4 now would leave a gap for good
    records.recordEpochs("g", 0, epochs(3, 4));
    assertThat(recordedEpochs(wh, "g", 0)).containsExactly(0, 1);
    records.recordTrial("g", 0, finished(epochs(0, 4)), 1, Instant.now(), Instant.now());
    assertThat(recordedEpochs(wh, "g", 0)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void theListenerAndTheTrialsEndRacingRecordEachEpochOnce() throws Exception {
    Warehouse wh = warehouse();
    SearchRecords records = new SearchRecords(wh);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> calls = new ArrayList<>();
      calls.add(threads.submit(() -> records.recordEpochs("c", 0, epochs(0, 2))));
      calls.add(threads.submit(() -> records.recordEpochs("c", 0, epochs(0, 3))));
      calls.add(
          threads.submit(
              () ->
                  records.recordTrial(
                      "c", 0, finished(epochs(0, 4)), 1, Instant.now(), Instant.now())));
      for (Future<?> f : calls) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(recordedEpochs(wh, "c", 0)).containsExactly(0, 1, 2, 3, 4);
    assertThat(trialRows(wh, "c")).isEqualTo(1);
  }

  @Test
  void anEvaluationsEpochsAreRecordedAsTheyEndToo() {
    Warehouse wh = warehouse();
    EvalRecords records = new EvalRecords(wh);
    List<EvalEpoch> all =
        IntStream.range(0, 3)
            .mapToObj(
                n -> new EvalEpoch(n, 0.025, 1.0, 0.5, null, null, null, 1.1, 0.4, null, 0, 2))
            .toList();
    records.recordEpochs("t", "PC_DARTS_cifar", all.subList(0, 2));
    records.recordEpochs("t", "PC_DARTS_cifar", all.subList(0, 2));
    assertThat(wh.read(Tables.EVAL_EPOCHS).count()).isEqualTo(2);
    assertThat(wh.read(Tables.EVAL_TRIALS).count()).isZero();
    new EvalRecords(wh)
        .record(
            "t",
            new EvalCandidate("PC_DARTS_cifar", G, null, null),
            EvalSpec.DEFAULTS,
            EvalResult.ok(G, 3_600_000L, all, null, "cpu", 96, 6),
            Instant.now(),
            Instant.now());
    assertThat(
            wh.read(Tables.EVAL_EPOCHS).orderBy("epoch").collectAsList().stream()
                .map(r -> r.<Integer>getAs("epoch")))
        .containsExactly(0, 1, 2);
    assertThat(wh.read(Tables.EVAL_TRIALS).count()).isEqualTo(1);
  }

  @Test
  void anAppendSkippedForATransactionWhoseRowsTheLogLostFailsNamingTheTable() throws IOException {
    Warehouse wh = warehouse();
    SearchRecords records = new SearchRecords(wh);
    records.recordEpochs("d", 4, epochs(0, 1));
    records.recordEpochs("d", 4, epochs(2, 2));
    DamagedLog.dropRows(dir.resolve("wh").resolve("search_epochs"), "search_epochs/d/4", 2);
    assertThat(recordedEpochs(wh, "d", 4)).containsExactly(0, 1);

    // resumed: epoch 2 is missing from the table, but Delta holds its transaction and skips it
    assertThatThrownBy(() -> new SearchRecords(wh).recordEpochs("d", 4, epochs(0, 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("\n")
        .hasMessageContaining("table search_epochs at ")
        .hasMessageContaining("is damaged")
        .hasMessageContaining("append of d/4");
  }
}
