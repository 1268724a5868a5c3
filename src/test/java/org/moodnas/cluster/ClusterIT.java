package org.moodnas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Tables;
import org.moodnas.store.Warehouse;
import org.moodnas.testing.TinyFashionMnist;

/**
 * The sweep on a real multi-process cluster: a standalone master and two workers (one core and one
 * fake GPU each) as separate JVMs, the driver submitted by jobs/mood-nas-submit with the one
 * application jar alone, trials in the executors' JVMs: search, train and ensemble (analyse, in
 * cluster deploy mode: SharedExecutorClusterIT). Runs after packaging (Failsafe), since it submits
 * the packaged jar.
 */
class ClusterIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern RUNNING = Pattern.compile("trial (\\d+) on executor (\\S+):");

  @TempDir static Path dir;
  static StandaloneCluster cluster;
  static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    cluster = StandaloneCluster.start(ROOT, dir, 2, "2g");
    spark = SparkSessions.getOrCreate("local[1]");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Submission submit(List<String> command, Consumer<String> onErrLine)
      throws IOException, InterruptedException {
    return Submission.run(cluster, ROOT, dir, command, onErrLine);
  }

  private static List<Row> trials(Path warehouse, String runId) {
    return new Warehouse(spark, warehouse.toUri().toString())
        .read(Tables.SEARCH_TRIALS)
        .where("run_id = '" + runId + "'")
        .orderBy("trial_index")
        .collectAsList();
  }

  /** A command on 1 % of Fashion-MNIST with a small network for one epoch, then {@code more}. */
  private static List<String> tiny(String command, String... more) {
    return List.of(TinyFashionMnist.args(command, more));
  }

  private static List<String> realTrial() {
    return tiny("search", "--arch-warmup-epochs", "0", "--batch-size", "64", "--delta", "10");
  }

  /**
   * A simulated parallel sweep on the two GPU executors; while trials run, one executor is killed:
   * its trial is retried (the worker starts a new executor) and every trial is recorded once.
   */
  @Test
  void aParallelSweepOnGpuExecutorsSurvivesAKilledExecutor() throws Exception {
    Path wh = dir.resolve("wh-sim");
    List<String> killed = new ArrayList<>();
    Submission s =
        submit(
            List.of(
                "search",
                "--simulate",
                "--simulate-seconds",
                "6",
                "--parallelism",
                "2",
                "--max-trials",
                "4",
                "--warehouse",
                wh.toString(),
                "--run-id",
                "sim"),
            line -> {
              Matcher m = RUNNING.matcher(line);
              if (killed.isEmpty() && m.find() && StandaloneCluster.killExecutor(m.group(2))) {
                killed.add(m.group(1) + " on " + m.group(2));
              }
            });
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(killed).as("an executor was killed while running a trial").hasSize(1);
    List<Row> rows = trials(wh, "sim");
    assertThat(rows).extracting(r -> r.<Integer>getAs("trial_index")).containsExactly(0, 1, 2, 3);
    // none failed: a speculative trial the front stopped needing may be cancelled, as it finishes
    assertThat(rows)
        .allMatch(
            r ->
                "ok".equals(r.getAs("status"))
                    || ("cancelled".equals(r.getAs("status")) && r.<Boolean>getAs("speculative")));
    // the killed trial ran again, on an executor of its own
    int killedTrial = Integer.parseInt(killed.get(0).split(" ")[0]);
    assertThat(rows.get(killedTrial).<Integer>getAs("attempt")).isEqualTo(2);
    assertThat(rows).filteredOn(r -> r.<Integer>getAs("attempt") == 1).hasSize(3);
    List<String> devices = rows.stream().map(r -> r.<String>getAs("device")).toList();
    // Every trial ran in an executor JVM, bound to the GPU Spark assigned (the executors have
    // spark.executor.resource.gpu.amount = 1, so each trial asked for one), on both workers.
    assertThat(devices).allMatch(d -> d.matches("simulated on executor \\d+ gpu 0"));
    assertThat(devices.stream().distinct().count()).isGreaterThanOrEqualTo(2);
    assertThat(s.out()).contains("Pareto front of run sim");
  }

  @Test
  void tinyTrainOnBothExecutorsWritesItsCheckpointsAndItsNetworksAreEnsembled() throws Exception {
    Path wh = dir.resolve("wh-train");
    List<String> args =
        new ArrayList<>(
            tiny(
                "train",
                "--archs",
                "DARTS_V2",
                "PC_DARTS_cifar",
                "--gpus-per-trial",
                "0",
                "--warehouse",
                wh.toString(),
                "--run-id",
                "t"));
    args.addAll(TinyFashionMnist.TRAIN);
    Submission s = submit(args, line -> {});
    assertThat(s.exit()).as(s.err()).isZero();
    Warehouse tables = new Warehouse(spark, wh.toUri().toString());
    List<Row> rows =
        tables.read(Tables.EVAL_TRIALS).where("run_id = 't'").orderBy("arch").collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("arch"))
        .containsExactly("DARTS_V2", "PC_DARTS_cifar");
    for (Row r : rows) {
      assertThat(r.<String>getAs("status"))
          .as(String.valueOf(r.<Object>getAs("error")))
          .isEqualTo("ok");
      // written by the executor JVM, read back here
      assertThat(Files.size(Path.of(r.<String>getAs("checkpoint")))).isPositive();
    }
    assertThat(rows.stream().map(r -> r.<String>getAs("device")).distinct().toList())
        .containsExactlyInAnyOrder("cpu (1 thread) on executor 0", "cpu (1 thread) on executor 1");

    // their ensemble, submitted the same way (with weights calculated: AirflowDagIT)
    Submission e =
        submit(
            List.of("ensemble", "--train-run", "t", "--warehouse", wh.toString(), "--run-id", "e"),
            line -> {});
    assertThat(e.exit()).as(e.err()).isZero();
    List<Row> ensembles = tables.read(Tables.ENSEMBLES).where("run_id = 'e'").collectAsList();
    assertThat(ensembles).hasSize(1);
    assertThat(ensembles.get(0).<String>getAs("source_run_id")).isEqualTo("t");
    assertThat(ensembles.get(0).<Double>getAs("test_top1")).isBetween(0.0, 1.0);
  }

  @Test
  void aTrialGivenAGpuThatDjlCannotSeeFailsNamingTheAddress() throws Exception {
    Path wh = dir.resolve("wh-gpu");
    List<String> args = new ArrayList<>(realTrial());
    args.addAll(
        List.of(
            "--max-trials",
            "1",
            "--gpus-per-trial",
            "1",
            "--warehouse",
            wh.toString(),
            "--run-id",
            "gpu"));
    Submission s = submit(args, line -> {});
    assertThat(s.exit()).as(s.err()).isZero();
    List<Row> rows = trials(wh, "gpu");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<String>getAs("status")).isEqualTo("failed");
    assertThat(rows.get(0).<String>getAs("error"))
        .contains("Spark assigned GPU 0 but DJL sees 0 CUDA device(s)");
    // every attempt Spark allows (spark.task.maxFailures, 2 in these submissions)
    assertThat(rows.get(0).<Integer>getAs("attempt")).isEqualTo(2);
  }
}
