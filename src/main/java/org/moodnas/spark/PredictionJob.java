package org.moodnas.spark;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.moodnas.core.DataSource;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EnsembleSpec;
import org.moodnas.core.EvalSpec;
import org.moodnas.data.Datasets;
import org.moodnas.data.TrainingData;
import org.moodnas.spark.ml.ImageFrames;
import org.moodnas.spark.ml.NetworkTransformer;
import org.moodnas.store.Predictions;
import org.moodnas.store.Warehouse;

/**
 * Writes the predictions of a train run's members: for each member and split, the member's network
 * ({@link NetworkTransformer}) over the split's images ({@link ImageFrames}, partitioned over every
 * executor), replacing the member's rows of that split in one commit. Splits: {@code test}, the
 * test set; {@code weights}, the training images after the train run's portion (those it held out),
 * or after {@link EnsembleSpec#DEFAULT_TRAIN_PORTION} when it held none out — the images {@code
 * ensemble --calculate} weighs the members on by default. Images that cannot be read are left out,
 * as {@code ensemble} leaves them out, and counted.
 */
public final class PredictionJob {

  /** A member: its name (the arch), its genotype's hash and its checkpoint. */
  public record Member(String name, String genotypeHash, String checkpoint) {}

  private final SparkSession spark;
  private final Predictions predictions;
  private final PrintWriter log;
  private final DeviceSpec device;
  private final int batchSize;

  public PredictionJob(
      SparkSession spark, Warehouse warehouse, DeviceSpec device, int batchSize, PrintWriter log) {
    this.spark = spark;
    this.predictions = new Predictions(warehouse);
    this.device = device;
    this.batchSize = batchSize;
    this.log = log;
  }

  /**
   * The portion of the training set before the weights split, for a run that trained on {@code
   * trained}.
   */
  public static double weighingPortion(double trained) {
    return trained < 1 ? trained : EnsembleSpec.DEFAULT_TRAIN_PORTION;
  }

  /** Writes both splits of every member of {@code runId}, trained as {@code eval} says. */
  public void run(String runId, EvalSpec eval, List<Member> members) {
    DataSource source = eval.data();
    String path = source.resolvedPath();
    var conf = spark.sparkContext().hadoopConfiguration();
    int[] weighing = trainingSamplesAfter(eval, weighingPortion(eval.training().trainPortion()));
    int testImages = Datasets.labels(source.dataset(), path, true, conf).size();
    Dataset<Row> test = ImageFrames.of(spark, source.dataset(), path, true, null);
    Dataset<Row> weights = ImageFrames.of(spark, source.dataset(), path, false, weighing);
    for (Member m : members) {
      write(runId, m, Predictions.Split.TEST, test, testImages);
      write(runId, m, Predictions.Split.WEIGHTS, weights, weighing.length);
    }
  }

  /** Writes both splits of the members of {@code runId} that the table lacks in either. */
  public void complete(String runId, EvalSpec eval, List<Member> members) {
    List<String> test = predictions.members(runId, Predictions.Split.TEST);
    List<String> weights = predictions.members(runId, Predictions.Split.WEIGHTS);
    List<Member> missing =
        members.stream()
            .filter(m -> !test.contains(m.name()) || !weights.contains(m.name()))
            .toList();
    if (!missing.isEmpty()) {
      log.printf(
          "predictions: scoring %s of run %s into the predictions table first%n",
          missing.stream().map(Member::name).toList(), runId);
      run(runId, eval, missing);
    }
  }

  /**
   * The members' scores of the training images after {@code portion} (a weighing split other than
   * the recorded one), scored on the executors and not recorded: the predictions table's columns.
   */
  public Dataset<Row> weighing(String runId, EvalSpec eval, double portion, List<Member> members) {
    DataSource source = eval.data();
    int[] samples = trainingSamplesAfter(eval, portion);
    Dataset<Row> images =
        ImageFrames.of(spark, source.dataset(), source.resolvedPath(), false, samples);
    Dataset<Row> all = null;
    for (Member m : members) {
      Dataset<Row> rows =
          Predictions.rows(
              runId, m.name(), m.genotypeHash(), Predictions.Split.WEIGHTS, scored(m, images));
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }

  /** The training images after {@code portion}, as the train run split them (labels read only). */
  private int[] trainingSamplesAfter(EvalSpec eval, double portion) {
    DataSource source = eval.data();
    return TrainingData.heldOutSamples(
        source,
        Datasets.labels(
            source.dataset(),
            source.resolvedPath(),
            false,
            spark.sparkContext().hadoopConfiguration()),
        eval.training().seed(),
        portion);
  }

  private Dataset<Row> scored(Member m, Dataset<Row> images) {
    return new NetworkTransformer()
        .setCheckpoint(m.checkpoint())
        .setDevice(device.toString())
        .setBatchSize(batchSize)
        .transform(images)
        .where(col("logits").isNotNull());
  }

  private void write(
      String runId, Member m, Predictions.Split split, Dataset<Row> images, long count) {
    Dataset<Row> scored = scored(m, images);
    predictions.replace(runId, m.name(), m.genotypeHash(), split, scored);
    long written = predictions.of(runId, List.of(m.name()), split).count();
    log.printf(
        "predictions: %s, %s split: %d images%s%n",
        m.name(),
        split.value(),
        written,
        written == count ? "" : " (" + (count - written) + " unreadable, left out)");
    log.flush();
  }
}
