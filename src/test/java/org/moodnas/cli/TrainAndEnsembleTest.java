package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.ensemble.Logits;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Warehouse;
import org.moodnas.train.DataSource;
import org.moodnas.train.EvalCheckpoint;
import org.moodnas.train.EvalConfig;
import org.moodnas.train.EvalData;
import org.moodnas.train.TrainingInputs;
import org.moodnas.train.TrialResult;

/**
 * A tiny real evaluation on Fashion-MNIST through the Spark job, then an ensemble over its
 * checkpoints checked against a direct computation from the same logits.
 */
class TrainAndEnsembleTest {

  private static final String[] TINY = {
    "--dataset", "fashion-mnist", "--subsample", "0.01", "--init-channels", "8", "--layers", "5",
    "--epochs", "2", "--batch-size", "32", "--train-portion", "0.8", "--parallelism", "2",
    "--master", "local[2]"
  };

  private static String[] args(String... head) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(TINY));
    return all.toArray(String[]::new);
  }

  @Test
  void trainsEachGenotypeOnceRetriesOutOfMemoryAndEnsemblesTheCheckpoints(@TempDir Path dir)
      throws Exception {
    String wh = dir.resolve("wh").toString();
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    Warehouse w = new Warehouse(spark, wh);
    recordSearch(w);
    CliRun train =
        CliRun.of(
            args(
                "train",
                "--from-search",
                "s",
                "--pareto-only",
                "--warehouse",
                wh,
                "--run-id",
                "tiny",
                "--inject-oom",
                "1"));
    assertThat(train.code()).as(train.err()).isZero();
    assertThat(train.err())
        .contains("l2_loss_6e02 has the same genotype as l2_loss_1e01")
        .doesNotContain("l2_loss_3e02")
        .containsPattern("evaluation [01] on executor driver: epoch [12]/2 step \\d+/\\d+ loss");

    w.registerViews();
    List<Row> rows =
        spark
            .sql(
                "SELECT arch, status, batch_size, attempts, predicted_memory_mb, checkpoint,"
                    + " params, test_acc, source_run_id, reg_weight FROM eval_trials WHERE run_id = 'tiny' ORDER BY arch")
            .collectAsList();
    assertThat(rows).extracting(r -> r.getString(0)).containsExactly("l2_loss_0", "l2_loss_1e01");
    assertThat(rows).extracting(r -> r.getDouble(9)).containsExactly(0.0, 0.1);
    for (Row r : rows) {
      assertThat(r.getString(8)).isEqualTo("s");
      assertThat(r.getString(1)).isEqualTo("ok");
      // The injected out-of-memory on the first attempt: retried with a batch 5 smaller.
      assertThat(r.getInt(2)).isEqualTo(27);
      assertThat(r.getInt(3)).isEqualTo(2);
      assertThat(r.getDouble(4)).isPositive();
      assertThat(Files.size(Path.of(r.getString(5)))).isPositive();
    }
    assertThat(
            spark.sql("SELECT count(*) FROM eval_epochs WHERE run_id = 'tiny'").first().getLong(0))
        .isEqualTo(4);

    CliRun resumed =
        CliRun.of(
            args(
                "train",
                "--from-search",
                "s",
                "--pareto-only",
                "--warehouse",
                wh,
                "--resume",
                "tiny"));
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err())
        .contains("2 of 2 genotypes already recorded")
        .doesNotContain("evaluation 0:");

    CliRun ensemble =
        CliRun.of(
            "ensemble",
            "--train-run",
            "tiny",
            "--calculate",
            "--per-class",
            "--warehouse",
            wh,
            "--run-id",
            "ens",
            "--master",
            "local[2]");
    assertThat(ensemble.code()).as(ensemble.err()).isZero();
    w.registerViews();
    Row e =
        spark
            .sql(
                "SELECT members, mode, weights, params, test_top1, test_top5 FROM ensembles WHERE run_id = 'ens'")
            .first();
    assertThat(e.<String>getList(0)).containsExactly("l2_loss_0", "l2_loss_1e01");
    assertThat(e.getString(1)).isEqualTo("per_class");
    assertThat(e.getLong(3)).isEqualTo(rows.get(0).getLong(6) + rows.get(1).getLong(6));

    // The same logits, computed directly: weights and accuracy by the published rule.
    EvalData data =
        TrainingInputs.evalData(
            new DataSource("fashion-mnist", null, 0.01),
            EvalConfig.defaults().toBuilder().subsample(0.01).trainPortion(0.8).build(),
            new PrintWriter(new StringWriter()));
    List<Logits> heldOut = new ArrayList<>();
    List<Logits> test = new ArrayList<>();
    for (Row r : rows) {
      try (NDManager m = NDManager.newBaseManager()) {
        EvalCheckpoint.Loaded loaded = EvalCheckpoint.load(r.getString(5), m);
        heldOut.add(Logits.of(loaded.network(), m, data.feed(), data.valid()));
        test.add(Logits.of(loaded.network(), m, data.feed(), data.test()));
      }
    }
    double[][] expected = perClassWeights(heldOut);
    double[][] stored = new ObjectMapper().readValue(e.getString(2), double[][].class);
    assertThat(stored).hasDimensions(2, 10);
    for (int m = 0; m < 2; m++) {
      for (int c = 0; c < 10; c++) {
        assertThat(stored[m][c]).isCloseTo(expected[m][c], within(1e-12));
      }
    }
    assertThat(e.getDouble(4)).isCloseTo(top1(test, expected), within(1e-12));
    assertThat(e.getDouble(5)).isBetween(e.getDouble(4), 1.0);

    // Recorded run ids are not reused: the rows above would silently stay as they are.
    CliRun reusedTrain =
        CliRun.of(args("train", "--archs", "DARTS_V2", "--warehouse", wh, "--run-id", "tiny"));
    assertThat(reusedTrain.code()).isEqualTo(2);
    assertThat(reusedTrain.err()).contains("--run-id tiny: already in the warehouse");
    CliRun reusedEnsemble =
        CliRun.of("ensemble", "--train-run", "tiny", "--warehouse", wh, "--run-id", "ens");
    assertThat(reusedEnsemble.code()).isEqualTo(2);
    assertThat(reusedEnsemble.err()).contains("--run-id ens: already in the warehouse");

    // A run is resumed or read only as what it is.
    String[][] wrongKind = {
      args("train", "--archs", "DARTS_V2", "--warehouse", wh, "--resume", "s"),
      args("train", "--from-search", "tiny", "--warehouse", wh),
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

  @Test
  void badTrainAndEnsembleInputsExitTwoWithOneLine(@TempDir Path dir) {
    String wh = dir.resolve("wh").toString();
    String[][] cases = {
      {"train", "--warehouse", wh},
      {"train", "--archs", "DARTS_V2", "--pareto-only", "--warehouse", wh},
      {"train", "--archs", "NoSuchNet", "--warehouse", wh},
      {"train", "--from-search", "nosuch", "--warehouse", wh},
      {"train", "--archs", "DARTS_V2", "--parallelism", "0", "--warehouse", wh},
      {"ensemble", "--train-run", "nosuch", "--warehouse", wh},
      {"ensemble", "--train-run", "x", "--per-class", "--warehouse", wh},
    };
    String[] says = {
      "--archs NAME… or --from-search RUN_ID",
      "--pareto-only needs --from-search",
      "NoSuchNet",
      "no run 'nosuch'",
      "--parallelism 0",
      "no run 'nosuch'",
      "--per-class needs --calculate"
    };
    for (int i = 0; i < cases.length; i++) {
      CliRun r = CliRun.of(cases[i]);
      assertThat(r.code()).as(String.join(" ", cases[i]) + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().lines().toList()).as(String.join(" ", cases[i])).hasSize(1);
      assertThat(r.err()).contains(says[i]);
    }
  }

  /**
   * A search run as the sweep records it: ν = 0.1 and 0.06 found the same genotype (as published),
   * ν = 0.03 is dominated by ν = 0.06, so its genotype is not on the front.
   */
  private static void recordSearch(Warehouse w) {
    GenotypeRegistry registry = GenotypeRegistry.bundled();
    SearchRecords records = new SearchRecords(w);
    records.startRun("s", "fashion-mnist", "l2", "{}", "test");
    Object[][] trials = {
      {0.1, "l2_loss_1e01", 1.0, 2.0},
      {0.0, "PC_DARTS_cifar", 3.0, 1.0},
      {0.06, "l2_loss_6e02", 2.0, 1.5},
      {0.03, "DARTS_V2", 3.5, 1.8}
    };
    Instant now = Instant.now();
    for (int i = 0; i < trials.length; i++) {
      double nu = (double) trials[i][0];
      double reg = (double) trials[i][2];
      TrialResult t =
          new TrialResult(
              "l2",
              nu,
              1 - nu,
              3e-4,
              "ok",
              null,
              reg,
              (double) trials[i][3],
              null,
              reg,
              0.5,
              0.5,
              1.0,
              registry.get((String) trials[i][1]).toJson(),
              "cpu",
              List.of(),
              1);
      records.recordTrial("s", i, t, 1, now, now);
    }
    records.finishRun("s", "done");
  }

  /** Start at 1; +1 for the true class of each sample some but not all models get right. */
  private static double[][] perClassWeights(List<Logits> models) {
    double[][] w = new double[models.size()][10];
    for (double[] row : w) {
      java.util.Arrays.fill(row, 1);
    }
    int n = models.get(0).samples();
    for (int s = 0; s < n; s++) {
      int label = models.get(0).labels()[s];
      int sample = s;
      long right = models.stream().filter(l -> argmax(l.values()[sample]) == label).count();
      if (right < models.size()) {
        for (int m = 0; m < models.size(); m++) {
          if (argmax(models.get(m).values()[s]) == label) {
            w[m][label] += 1;
          }
        }
      }
    }
    for (int c = 0; c < 10; c++) {
      double max = Math.max(w[0][c], w[1][c]);
      w[0][c] /= max;
      w[1][c] /= max;
    }
    return w;
  }

  private static double top1(List<Logits> models, double[][] w) {
    int n = models.get(0).samples();
    int hits = 0;
    for (int s = 0; s < n; s++) {
      double[] score = new double[10];
      for (int m = 0; m < models.size(); m++) {
        float[] v = models.get(m).values()[s];
        float lo = v[0];
        float hi = v[0];
        for (float x : v) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
        for (int c = 0; c < 10; c++) {
          score[c] += (v[c] - lo) / (double) (hi - lo) * w[m][c] / models.size();
        }
      }
      if (argmaxD(score) == models.get(0).labels()[s]) {
        hits++;
      }
    }
    return (double) hits / n;
  }

  private static int argmax(float[] v) {
    int b = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[b]) {
        b = i;
      }
    }
    return b;
  }

  private static int argmaxD(double[] v) {
    int b = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[b]) {
        b = i;
      }
    }
    return b;
  }
}
