package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.Objective;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchMetrics;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrainingSpec;
import org.moodnas.core.TrialResult;
import org.moodnas.core.Weight;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSet;
import org.moodnas.data.Normalization;
import org.moodnas.data.TrainingData;
import org.moodnas.nn.search.SearchNetwork;
import org.moodnas.nn.search.SupernetSpec;

/** What a search trial records: losses fed to the estimator, supernet size, validation. */
class SearchTrainerTest {

  private static ImageSet images(int n, int seed) {
    Random r = new Random(seed);
    byte[] px = new byte[n * 28 * 28];
    r.nextBytes(px);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 10;
    }
    return new ImageSet(px, labels, 1, 28, 28, 10);
  }

  private static TrainingData data() {
    ImageSet train = images(16, 1);
    return new TrainingData(
        train, images(16, 2), images(8, 3), Normalization.of(train), DatasetKind.FASHION_MNIST);
  }

  private static TrainingSpec training() {
    return SearchSpec.DEFAULTS.training().toBuilder()
        .batchSize(6) // 16 images: batches of 6, 6 and 4
        .epochs(2)
        .initChannels(8)
        .layers(3)
        .build();
  }

  @Test
  void theEstimatorGetsTheLastStepsLossesTheEpochMeansStayBeside() {
    SearchSpec spec =
        SearchSpec.DEFAULTS
            .withObjective(Objective.L1)
            .withArchWarmupEpochs(0)
            .withTraining(training());
    List<String> started = new ArrayList<>();
    TrainingProgress<SearchEpoch> progress =
        new TrainingProgress<>() {
          @Override
          public void started(String line) {
            started.add(line);
          }
        };
    TrialResult r = new SearchTrainer(spec, new Weight(1e-4, 1), progress).run(data());
    assertThat(r.ok()).isTrue();
    SearchEpoch last = r.epochs().get(1);
    SearchMetrics m = r.metrics();
    assertThat(m.criterionLoss()).isEqualTo(last.lastCriterionLoss());
    assertThat(m.regLoss()).isEqualTo(last.lastL1Loss());
    assertThat(m.l2Loss()).isEqualTo(last.lastL2Loss());
    assertThat(m.criterionLossEpochMean()).isEqualTo(last.criterionLoss());
    assertThat(m.regLossEpochMean()).isEqualTo(last.l1Loss());
    // the last batch (4 images) is not the epoch: its loss differs from the mean
    assertThat(last.lastCriterionLoss()).isNotEqualTo(last.criterionLoss());
    // the weights move during the epoch: the last step's Σ|w| is not the epoch's mean
    assertThat(last.lastL1Loss()).isNotEqualTo(last.l1Loss());
    // CIFAR-style searches validate after the last epoch only
    assertThat(r.epochs().get(0).validAcc()).isNull();
    assertThat(last.validAcc()).isNotNull();

    long independent;
    try (NDManager manager = NDManager.newBaseManager()) {
      SearchNetwork net = SupernetSpec.cifar(8, 3, 10).build();
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
      independent = net.weights().stream().mapToLong(p -> p.getArray().size()).sum();
    }
    assertThat(m.supernetParams()).isEqualTo(independent);
    assertThat(started)
        .containsExactly(
            String.format("supernet: %,d parameters (%s MB)", independent, independent / 1e6));
  }

  @Test
  void aCifarSupernetBelowFiveLayersIsWarnedAbout() {
    SearchSpec three = SearchSpec.DEFAULTS.withTraining(training());
    assertThat(SearchTrainer.supernetWarning(three))
        .contains(
            "supernet of 3 layers has no reduction cells (model_search.py reduces only from 5"
                + " layers): the reduction cell's α is not trained");
    SearchSpec five = SearchSpec.DEFAULTS.withTraining(training().toBuilder().layers(5).build());
    assertThat(SearchTrainer.supernetWarning(five)).isEmpty();
    SearchSpec imagenet =
        three.withData(new org.moodnas.core.DataSource(DatasetKind.IMAGENET, "folder", 1));
    assertThat(SearchTrainer.supernetWarning(imagenet)).isEmpty();
  }

  @Test
  void imageNetValidatesOnTheLastThreeEpochsOthersOnTheLast() {
    List<Integer> imagenet = new ArrayList<>();
    List<Integer> cifar = new ArrayList<>();
    for (int e = 0; e < 10; e++) {
      if (SearchTrainer.validates(DatasetKind.IMAGENET, e, 10)) {
        imagenet.add(e);
      }
      if (SearchTrainer.validates(DatasetKind.CIFAR10, e, 10)) {
        cifar.add(e);
      }
    }
    assertThat(imagenet).containsExactly(7, 8, 9);
    assertThat(cifar).containsExactly(9);
  }

  @Test
  void validationReadsTheArchitectureSplitThroughTheTrainingTransform() {
    TrainingData data = data();
    DataFeed feed = data.feed(0);
    TrainingSpec t = training();
    float[] plain = pixels(feed.eval(data.heldOut(), 16));
    float[] valid = pixels(SearchTrainer.validationBatches(feed, data, t, 1));
    assertThat(valid).hasSameSizeAs(plain);
    // crop and flip (and shuffle): not the images as they are
    assertThat(Arrays.equals(sorted(valid), sorted(plain))).isFalse();
    // the same seed and epoch: the same batches
    assertThat(pixels(SearchTrainer.validationBatches(feed, data, t, 1))).isEqualTo(valid);
    assertThat(pixels(SearchTrainer.validationBatches(feed, data, t, 2))).isNotEqualTo(valid);
  }

  private static float[] pixels(BatchIterator it) {
    List<float[]> parts = new ArrayList<>();
    int n = 0;
    while (it.hasNext()) {
      Batch b = it.next();
      float[] d = Arrays.copyOf(b.data(), b.count() * b.channels() * b.height() * b.width());
      parts.add(d);
      n += d.length;
    }
    float[] out = new float[n];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static float[] sorted(float[] a) {
    float[] c = a.clone();
    Arrays.sort(c);
    return c;
  }
}
