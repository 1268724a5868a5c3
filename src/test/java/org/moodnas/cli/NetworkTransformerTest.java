package org.moodnas.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.analysis.ensemble.Logits;
import org.moodnas.core.DatasetKind;
import org.moodnas.data.DataFeed;
import org.moodnas.data.Datasets;
import org.moodnas.data.ImageFiles;
import org.moodnas.data.ImageFolderReader;
import org.moodnas.data.ImageSet;
import org.moodnas.spark.SparkSessions;
import org.moodnas.spark.ml.ImageFrames;
import org.moodnas.spark.ml.NetworkTransformer;
import org.moodnas.store.Tables;
import org.moodnas.testing.PilImages;
import org.moodnas.testing.TinyFashionMnist;
import org.moodnas.testing.TinyImageNet;
import org.moodnas.train.EvalCheckpoint;

/**
 * The network transformer over a network of the tiny train run: saved in a pipeline and loaded
 * back, it gives the checkpoint's own logits; over files it decodes what it can and names the file
 * it cannot.
 */
class NetworkTransformerTest {

  private static final float TOLERANCE = 1e-5f;

  @TempDir Path dir;

  private static String checkpoint(TinyTrainedRuns t) {
    return t.warehouse()
        .read(Tables.EVAL_TRIALS)
        .where(col("run_id").equalTo("tiny").and(col("status").equalTo("ok")))
        .orderBy("arch")
        .first()
        .getAs("checkpoint");
  }

  private static ImageSet testSet() {
    return ImageSet.copyOf(
        Datasets.split(
            DatasetKind.FASHION_MNIST, TinyFashionMnist.path(), true, new Configuration()));
  }

  /** The checkpoint's logits of every test image, scored on the driver. */
  private static Logits direct(String checkpoint, ImageSet test) {
    try (NDManager m = NDManager.newBaseManager()) {
      EvalCheckpoint.Loaded l = EvalCheckpoint.load(checkpoint, m);
      return Logits.of(l.network(), m, DataFeed.plain(l.checkpoint().normalization()), test);
    }
  }

  @Test
  void aSavedAndReloadedPipelineGivesTheCheckpointsLogits() throws Exception {
    TinyTrainedRuns t = TinyTrainedRuns.get();
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    String ckpt = checkpoint(t);
    ImageSet test = testSet();
    Logits expected = direct(ckpt, test);

    Dataset<Row> frame =
        ImageFrames.of(spark, DatasetKind.FASHION_MNIST, TinyFashionMnist.path(), true, null);
    NetworkTransformer stage = new NetworkTransformer().setCheckpoint(ckpt).setBatchSize(7);
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {stage}).fit(frame);
    String saved = dir.resolve("model").toString();
    model.write().overwrite().save(saved);
    PipelineModel loaded = PipelineModel.load(saved);
    NetworkTransformer back = (NetworkTransformer) loaded.stages()[0];
    assertThat(back.getOrDefault(back.checkpoint())).isEqualTo(ckpt);
    assertThat(back.getOrDefault(back.batchSize())).isEqualTo(7);

    List<Row> rows =
        loaded
            .transform(frame)
            .select("sample", "label", "logits", "prediction", "error")
            .collectAsList();
    assertThat(rows).hasSize(test.size());
    for (Row r : rows) {
      int i = (int) (long) r.getAs("sample");
      assertThat(r.isNullAt(4)).as("error of %d: %s", i, r.get(4)).isTrue();
      assertThat((int) r.getAs("label")).isEqualTo(test.labels()[i]);
      List<Float> logits = r.getList(2);
      float[] want = expected.values()[i];
      assertThat(logits).hasSize(want.length);
      int best = 0;
      for (int c = 0; c < want.length; c++) {
        assertThat(logits.get(c))
            .as("sample %d class %d", i, c)
            .isCloseTo(want[c], within(TOLERANCE));
        best = want[c] > want[best] ? c : best;
      }
      assertThat((int) r.getAs("prediction")).isEqualTo(best);
    }
  }

  /**
   * Test images 0–2 as PNG (lossless: the network sees the test image itself), 3 as JPEG, and a
   * JPEG cut after 40 bytes.
   */
  private Path writeFiles(ImageSet test) throws java.io.IOException {
    Path files = dir.resolve("files");
    int n = test.imageBytes();
    for (int i = 0; i < 4; i++) {
      PilImages.grey(
          files.resolve("test-" + i + (i < 3 ? ".png" : ".jpg")),
          28,
          28,
          java.util.Arrays.copyOfRange(test.pixels(), i * n, (i + 1) * n));
    }
    byte[] jpeg = Files.readAllBytes(files.resolve("test-3.jpg"));
    Files.write(files.resolve("corrupt.jpg"), java.util.Arrays.copyOf(jpeg, 40));
    return files;
  }

  @Test
  void filesItCannotDecodeGetAnErrorAndNoLogitsTheOthersTheirOwn() throws Exception {
    TinyTrainedRuns t = TinyTrainedRuns.get();
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    String ckpt = checkpoint(t);
    ImageSet test = testSet();
    Logits expected = direct(ckpt, test);
    Path files = writeFiles(test);

    Dataset<Row> binary = spark.read().format("binaryFile").load(files.toString());
    Map<String, Row> byFile =
        new NetworkTransformer()
                .setCheckpoint(ckpt)
                .setInputCol("content")
                .transform(binary)
                .select("path", "logits", "prediction", "error")
                .collectAsList()
                .stream()
                .collect(
                    Collectors.toMap(
                        r -> Path.of(java.net.URI.create(r.getString(0))).getFileName().toString(),
                        r -> r));
    assertThat(byFile).hasSize(5);
    Row corrupt = byFile.get("corrupt.jpg");
    assertThat(corrupt.isNullAt(1)).isTrue();
    assertThat(corrupt.isNullAt(2)).isTrue();
    assertThat(corrupt.getString(3)).startsWith(corrupt.getString(0) + ": ");
    for (int i = 0; i < 4; i++) {
      Row r = byFile.get("test-" + i + (i < 3 ? ".png" : ".jpg"));
      assertThat(r.isNullAt(3)).as("error: %s", r.get(3)).isTrue();
      List<Float> logits = r.getList(1);
      assertThat(logits).hasSize(expected.classes());
      if (i < 3) {
        for (int c = 0; c < logits.size(); c++) {
          assertThat(logits.get(c)).isCloseTo(expected.values()[i][c], within(TOLERANCE));
        }
      }
    }
  }

  /** A PC_DARTS_image network of 4 channels and 3 cells trained one epoch on the tiny folder. */
  private String imageNetCheckpoint() {
    String ckpt = dir.resolve("imagenet.ckpt").toString();
    CliRun r =
        CliRun.of(
            "train-one",
            "--dataset",
            "imagenet",
            "--data",
            TinyImageNet.path(),
            "--layers",
            "3",
            "--arch",
            "PC_DARTS_image",
            "--init-channels",
            "4",
            "--epochs",
            "1",
            "--lr-schedule",
            "cosine",
            "--batch-size",
            "6",
            "--checkpoint",
            ckpt);
    assertThat(r.code()).as(r.err()).isZero();
    return ckpt;
  }

  @Test
  void anImageNetNetworkScoresAnImageFolderAsItsEvaluationDoes() {
    String ckpt = imageNetCheckpoint();
    ImageFiles train =
        ImageFolderReader.train(
            new org.apache.hadoop.fs.Path(TinyImageNet.path()), new Configuration());
    Map<String, float[]> expected = new java.util.HashMap<>();
    try (NDManager m = NDManager.newBaseManager()) {
      EvalCheckpoint.Loaded l = EvalCheckpoint.load(ckpt, m);
      DataFeed feed = DataFeed.of(DatasetKind.IMAGENET, l.checkpoint().normalization(), 0);
      for (int i = 0; i < train.size(); i++) {
        if (!train.file(i).toString().endsWith(TinyImageNet.UNREADABLE)) {
          // one image at a time: the set's unreadable file is left out of Logits.of's batches
          expected.put(
              train.file(i).toString(),
              Logits.of(l.network(), m, feed, train.subset(new int[] {i})).values()[0]);
        }
      }
    }
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    List<Row> rows =
        new NetworkTransformer()
            .setCheckpoint(ckpt)
            .transform(
                ImageFrames.of(spark, DatasetKind.IMAGENET, TinyImageNet.path(), false, null))
            .select("path", "label", "logits", "error")
            .collectAsList();
    assertThat(rows).hasSize(TinyImageNet.TRAIN_FILES);
    for (Row row : rows) {
      String path = row.getString(0);
      if (path.endsWith(TinyImageNet.UNREADABLE)) {
        assertThat(row.isNullAt(2)).isTrue();
        assertThat(row.getString(3)).startsWith(path + ": ");
        continue;
      }
      assertThat(row.isNullAt(3)).as("error: %s", row.get(3)).isTrue();
      List<Float> logits = row.getList(2);
      float[] want = expected.get(path);
      assertThat(logits).as(path).hasSize(TinyImageNet.CLASSES);
      for (int c = 0; c < want.length; c++) {
        assertThat(logits.get(c)).as("%s class %d", path, c).isCloseTo(want[c], within(TOLERANCE));
      }
    }
  }
}
