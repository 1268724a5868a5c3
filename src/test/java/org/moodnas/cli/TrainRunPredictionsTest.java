package org.moodnas.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.moodnas.analysis.ensemble.Logits;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.data.ImageSource;
import org.moodnas.data.TrainingData;
import org.moodnas.store.Predictions;
import org.moodnas.store.Tables;

/**
 * The predictions the tiny train run wrote as its evaluations were recorded, against each member's
 * checkpoint scored on the driver ({@link Logits#of}) over the same images, and {@code predict} run
 * again over them.
 */
@Tag("slow")
class TrainRunPredictionsTest {

  /** Batches of 64 on the executors against 256 on the driver: oneDNN may sum in another order. */
  private static final float TOLERANCE = 1e-5f;

  @Test
  void everyMemberHasOneRowPerImageOfEachSplitWithTheLogitsOfItsCheckpoint() {
    TinyTrainedRuns t = TinyTrainedRuns.get();
    assertThat(t.train().err()).contains("predictions: ");
    DataSource source =
        new DataSource(DatasetKind.FASHION_MNIST, org.moodnas.testing.TinyFashionMnist.path(), 1);
    // the train run's seed is the default; its portion 0.8 (TinyFashionMnist.TRAIN)
    long seed = org.moodnas.core.EvalSpec.DEFAULTS.training().seed();
    TrainingData data = TrainingData.load(source, seed, 0.8, new PrintWriter(new StringWriter()));
    int[] weighing =
        TrainingData.heldOutSamples(
            source,
            org.moodnas.data.Datasets.labels(
                DatasetKind.FASHION_MNIST,
                source.path(),
                false,
                new org.apache.hadoop.conf.Configuration()),
            seed,
            0.8);
    Predictions predictions = new Predictions(t.warehouse());
    List<String> members = predictions.members("tiny", Predictions.Split.TEST);
    assertThat(members).isNotEmpty();
    assertThat(predictions.members("tiny", Predictions.Split.WEIGHTS)).isEqualTo(members);
    int[] checked = {0};
    TinyTrainedRuns.eachMember(
        t.warehouse(),
        "tiny",
        (loaded, manager) -> {
          String member = memberOf(t, loaded);
          if (member == null) {
            return; // a failed evaluation has no checkpoint to score
          }
          var feed = data.feed(0);
          compare(
              predictions,
              member,
              Predictions.Split.TEST,
              identity(data.test().size()),
              Logits.of(loaded.network(), manager, feed, data.test()),
              data.test());
          compare(
              predictions,
              member,
              Predictions.Split.WEIGHTS,
              weighing,
              Logits.of(loaded.network(), manager, feed, data.heldOut()),
              data.heldOut());
          checked[0]++;
        });
    assertThat(checked[0]).isEqualTo(members.size());
  }

  @Test
  void predictTwiceReplacesTheRowsItWrote() {
    TinyTrainedRuns t = TinyTrainedRuns.get();
    long before =
        t.warehouse().read(Tables.PREDICTIONS).where(col("run_id").equalTo("tiny")).count();
    for (int i = 0; i < 2; i++) {
      CliRun run =
          CliRun.of(
              "predict", "--train-run", "tiny", "--warehouse", t.wh(), "--master", "local[2]");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("predictions of");
    }
    var rows = t.warehouse().read(Tables.PREDICTIONS).where(col("run_id").equalTo("tiny"));
    assertThat(rows.count()).isEqualTo(before);
    assertThat(rows.select("member", "split", "sample").distinct().count()).isEqualTo(before);
    assertThat(before).isPositive();
  }

  @Test
  void predictRefusesAMemberWithoutASuccessfulEvaluation() {
    TinyTrainedRuns t = TinyTrainedRuns.get();
    CliRun run =
        CliRun.of(
            "predict",
            "--train-run",
            "tiny",
            "--members",
            "nope",
            "--warehouse",
            t.wh(),
            "--master",
            "local[2]");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "mood-nas: --members: nope has no successful evaluation with a checkpoint in run tiny");
  }

  private static String memberOf(TinyTrainedRuns t, org.moodnas.train.EvalCheckpoint.Loaded l) {
    List<Row> rows =
        t.warehouse()
            .read(Tables.EVAL_TRIALS)
            .where(col("run_id").equalTo("tiny").and(col("status").equalTo("ok")))
            .collectAsList();
    for (Row r : rows) {
      if (org.moodnas.space.Genotype.fromJson(r.getAs("genotype"))
          .equals(l.checkpoint().spec().genotype())) {
        return r.getAs("arch");
      }
    }
    return null;
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** One row per image of the split, each with its label and the driver's logits. */
  private static void compare(
      Predictions predictions,
      String member,
      Predictions.Split split,
      int[] samples,
      Logits expected,
      ImageSource images) {
    List<Row> rows = predictions.of("tiny", List.of(member), split).collectAsList();
    assertThat(expected.samples()).isEqualTo(images.size());
    assertThat(rows).hasSize(samples.length);
    Map<Long, Row> bySample = new HashMap<>();
    rows.forEach(r -> bySample.put(r.getAs("sample"), r));
    assertThat(bySample).hasSize(samples.length);
    for (int i = 0; i < samples.length; i++) {
      Row r = bySample.get((long) samples[i]);
      assertThat(r).as("sample %d of %s", samples[i], split).isNotNull();
      assertThat((int) r.getAs("label")).isEqualTo(expected.labels()[i]);
      List<Float> logits = r.getList(r.fieldIndex("logits"));
      assertThat(logits).hasSize(expected.values()[i].length);
      for (int c = 0; c < logits.size(); c++) {
        assertThat(logits.get(c))
            .as("%s, %s, sample %d, class %d", member, split, samples[i], c)
            .isCloseTo(expected.values()[i][c], within(TOLERANCE));
      }
    }
  }
}
