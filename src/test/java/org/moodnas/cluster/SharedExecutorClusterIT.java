package org.moodnas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.bench.Overlap;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Tables;
import org.moodnas.store.Warehouse;
import org.moodnas.testing.TinyFashionMnist;

/**
 * One executor with two task slots (a worker of 2 cores, spark.task.cpus 1), the layout of a
 * multi-GPU node whose executor holds all its devices: two real trials train in that one executor
 * JVM at the same time, one CPU thread each; then the search's analysis in cluster deploy mode.
 */
class SharedExecutorClusterIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir static Path dir;
  static StandaloneCluster cluster;
  static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    cluster = StandaloneCluster.start(ROOT, dir, 1, 2, "2g");
    spark = SparkSessions.getOrCreate("local[1]");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void twoRealTrialsTrainAtOnceInOneExecutor() throws Exception {
    Path wh = dir.resolve("wh-shared");
    List<String> args =
        new ArrayList<>(
            List.of(
                TinyFashionMnist.args(
                    "search",
                    "--arch-warmup-epochs",
                    "0",
                    "--batch-size",
                    "64",
                    "--delta",
                    "10",
                    "--parallelism",
                    "2",
                    "--gpus-per-trial",
                    "0",
                    "--warehouse",
                    wh.toString(),
                    "--run-id",
                    "shared")));
    Submission s = Submission.run(cluster, ROOT, dir, args, line -> {});
    assertThat(s.exit()).as(s.err()).isZero();
    Warehouse warehouse = new Warehouse(spark, wh.toUri().toString());
    List<Row> rows =
        warehouse.read(Tables.SEARCH_TRIALS).where("run_id = 'shared'").collectAsList();
    assertThat(rows).hasSize(2);
    for (Row r : rows) {
      assertThat(r.<String>getAs("status"))
          .as(String.valueOf(r.<Object>getAs("error")))
          .isEqualTo("ok");
      assertThat(r.<Double>getAs("valid_acc")).isBetween(0.0, 1.0);
      assertThat(r.<String>getAs("device")).isEqualTo("cpu (1 thread) on executor 0");
    }
    assertThat(warehouse.read(Tables.SEARCH_EPOCHS).where("run_id = 'shared'").count())
        .isEqualTo(2);
    // started_at is when each attempt began on the executor: the two ran side by side.
    Overlap o = Overlap.of(new SearchRecords(warehouse).spans("shared"));
    assertThat(o.most()).isEqualTo(2);
    assertThat(o.overlapSeconds()).isGreaterThan(0.5 * o.busySeconds());

    analysedInClusterDeployMode(wh, warehouse);
    aFailingDriverFailsItsSubmission(wh);
  }

  /**
   * The search's analysis in cluster deploy mode: the driver runs on the worker from the one jar;
   * the submitter gets its exit status and (the worker's folder being readable here) its output.
   */
  private static void analysedInClusterDeployMode(Path wh, Warehouse warehouse) throws Exception {
    Path out = dir.resolve("analysis-shared");
    Submission a = analyseInClusterMode(wh, out);
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(a.err()).containsPattern("driver driver-[0-9-]+ FINISHED");
    assertThat(a.out()).contains("search shared");
    assertThat(Files.readAllLines(out.resolve("search_results.csv"))).hasSize(1 + 2);
    assertThat(out.resolve("report.html")).isNotEmptyFile();
    assertThat(
            warehouse
                .read(Tables.RESULT_TABLES)
                .where("run_id = 'shared' AND kind = 'search'")
                .count())
        .isEqualTo(2);
  }

  /** {@code analyse} of the search run into {@code out}, its driver on a worker. */
  private static Submission analyseInClusterMode(Path wh, Path out) throws Exception {
    return Submission.inClusterMode(
        cluster,
        ROOT,
        dir,
        List.of(
            "analyse",
            "--search-run",
            "shared",
            "--warehouse",
            wh.toString(),
            "--out",
            out.toString()));
  }

  /** A driver that fails: the submitter exits non-zero and shows the driver's last lines. */
  private static void aFailingDriverFailsItsSubmission(Path wh) throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Submission refused = analyseInClusterMode(wh, file);
    assertThat(refused.exit()).as(refused.err()).isEqualTo(1);
    assertThat(refused.err())
        .contains("--out " + file + ": is a file, not a folder")
        .containsPattern("driver driver-[0-9-]+ FAILED");
  }
}
