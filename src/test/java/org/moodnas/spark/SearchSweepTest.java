package org.moodnas.spark;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.moodnas.train.TrialResult;

/** Simulated sweeps through local Spark into Delta tables. */
class SearchSweepTest {

  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SparkSessions.getOrCreate("local[2]");
  }

  private static SweepSettings settings(String runId, int parallelism) {
    return new SweepSettings(
        runId,
        "l2",
        WeightEstimator.DEFAULT_INITIAL,
        WeightEstimator.DEFAULT_DELTA,
        parallelism,
        3e-4,
        0);
  }

  @Test
  void sequentialSimulatedSweepRecordsThePublishedSequence(@TempDir Path dir) throws Exception {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    StringWriter log = new StringWriter();
    List<Point> front =
        new SearchSweep(spark, new SearchRecords(wh), settings("seq", 1), new PrintWriter(log))
            .run("{}");

    List<Row> trials =
        wh.read(Tables.SEARCH_TRIALS)
            .orderBy("trial_index")
            .select("trial_index", "reg_weight", "status", "device")
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
    Row run = wh.read(Tables.RUNS).where("run_id = 'seq'").first();
    assertThat(run.<String>getAs("status")).isEqualTo("done");
    assertThat(run.<Object>getAs("finished_at")).isNotNull();
    assertThat(log.toString()).contains("trial 10 done");
  }

  @Test
  void parallelSweepRecordsEveryTrialOnce(@TempDir Path dir) throws Exception {
    Warehouse wh = new Warehouse(spark, dir.toUri().toString());
    SweepSettings s =
        new SweepSettings("par", "l1", WeightEstimator.DEFAULT_INITIAL, 0.15, 2, 3e-4, 0.2);
    new SearchSweep(spark, new SearchRecords(wh), s, new PrintWriter(new StringWriter())).run("{}");
    List<Row> rows = wh.read(Tables.SEARCH_TRIALS).select("trial_index").collectAsList();
    long distinct = rows.stream().map(r -> r.getInt(0)).distinct().count();
    assertThat(distinct).isEqualTo(rows.size());
    assertThat(rows.size()).isBetween(9, 14);
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
}
