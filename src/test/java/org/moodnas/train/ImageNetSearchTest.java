package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.Weight;
import org.moodnas.data.Batch;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSet;
import org.moodnas.data.Normalization;
import org.moodnas.data.TrainingData;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.nn.search.SupernetSpec;
import org.moodnas.profile.Profiler;
import org.moodnas.profile.SearchedNetwork;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.train.optim.LearningRateSchedule;

/** `search --dataset imagenet`: its supernet, its model size and its learning-rate schedule. */
class ImageNetSearchTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  private static ImageSet images(int n, int side) {
    Random r = new Random(3);
    byte[] px = new byte[n * 3 * side * side];
    r.nextBytes(px);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 10;
    }
    return new ImageSet(px, labels, 3, side, side, 10);
  }

  private static SearchSpec imagenet(int batch) {
    return SearchSpec.DEFAULTS
        .withArchWarmupEpochs(0)
        .withData(new DataSource(DatasetKind.IMAGENET, "imagenet-folder", 1))
        .withTraining(
            SearchSpec.DEFAULTS.training().toBuilder()
                .batchSize(batch)
                .initChannels(8)
                .layers(5)
                .build());
  }

  @Test
  void theDatasetPicksTheSupernetNeverCifarsForImageNet() {
    assertThat(SearchSteps.supernet(imagenet(2), 10).kind()).isEqualTo(SupernetSpec.Kind.IMAGENET);
    assertThat(SearchSteps.supernet(SearchSpec.DEFAULTS, 10).kind())
        .isEqualTo(SupernetSpec.Kind.CIFAR);
  }

  @Test
  void aTinyImageNetSearchStepRunsAndGivesNonZeroArchitectureGradients() {
    ImageSet set = images(2, 64);
    Batch batch = DataFeed.plain(Normalization.of(set)).eval(set, 2).next();
    SearchSpec base = imagenet(2);
    // Without weight decay Adam leaves an element with a zero gradient exactly where it was, so
    // every element of α and β the architecture step moves had a non-zero gradient.
    SearchSpec spec =
        new SearchSpec(base.objective(), 6e-3, 0, 0, base.training(), base.data(), base.device());
    SearchSteps steps = new SearchSteps(spec, new Weight(1e-4, 1), manager, 3, 64, 10);
    assertThat(steps.network().spec().kind()).isEqualTo(SupernetSpec.Kind.IMAGENET);
    List<float[]> before = snapshot(steps.archParameters());
    steps.archStep(batch);
    List<float[]> after = snapshot(steps.archParameters());
    for (int p = 0; p < before.size(); p++) {
      int unmoved = 0;
      for (int i = 0; i < before.get(p).length; i++) {
        unmoved += before.get(p)[i] == after.get(p)[i] ? 1 : 0;
      }
      assertThat(unmoved).as(steps.archParameters().get(p).getName() + " zero gradients").isZero();
    }
    StepStats stats = steps.weightStep(batch, 0.1, 0, 0);
    assertThat(Double.isFinite(stats.loss())).isTrue();
    assertThat(stats.correct()).isBetween(0L, 2L); // correct of 2
    assertThat(steps.genotype().normal()).hasSize(8);
  }

  /**
   * Adam's first step moves each element by lr·g/(|g| + 1e-8) (bias corrections cancel), so the
   * step taken gives back each clipped gradient element: |g| = 1e-8·r/(1 − r), r = |Δ|/lr. Their
   * global norm is the clip on ImageNet (train_search_imagenet.py); CIFAR's step is unclipped
   * (architect.py), every element moving by about lr.
   */
  @Test
  void imageNetClipsTheArchitectureGradientsToGradClipCifarDoesNot() {
    double clip = 1e-8;
    double lr = 6e-3;
    ImageSet set = images(2, 64);
    Batch batch = DataFeed.plain(Normalization.of(set)).eval(set, 2).next();
    for (DatasetKind kind : List.of(DatasetKind.IMAGENET, DatasetKind.CIFAR10)) {
      SearchSpec base = imagenet(2);
      SearchSpec spec =
          new SearchSpec(
              base.objective(),
              lr,
              0,
              0,
              base.training().toBuilder().gradClip(clip).build(),
              new DataSource(kind, "folder", 1),
              base.device());
      SearchSteps steps = new SearchSteps(spec, new Weight(1e-4, 1), manager, 3, 64, 10);
      List<float[]> before = snapshot(steps.archParameters());
      steps.archStep(batch);
      List<float[]> after = snapshot(steps.archParameters());
      double squares = 0;
      double ratios = 0;
      long n = 0;
      for (int p = 0; p < before.size(); p++) {
        for (int i = 0; i < before.get(p).length; i++) {
          double r = Math.abs((double) after.get(p)[i] - before.get(p)[i]) / lr;
          double g = 1e-8 * r / (1 - r);
          squares += g * g;
          ratios += r;
          n++;
        }
      }
      if (kind == DatasetKind.IMAGENET) {
        assertThat(Math.sqrt(squares)).as("clipped norm").isCloseTo(clip, withinPercentage(2));
      } else {
        assertThat(ratios / n).as("mean |Δ|/lr, unclipped").isGreaterThan(0.99);
      }
    }
  }

  private static List<float[]> snapshot(List<Parameter> params) {
    return params.stream().map(p -> p.getArray().toFloatArray()).toList();
  }

  @Test
  void aSearchedImageNetGenotypeIsSizedAtFortyEightChannelsFourteenCellsThousandClasses() {
    Genotype genotype = GenotypeRegistry.bundled().get("PC_DARTS_image");
    // a search subset of 10 classes of 64×64 images: the network it stands for has 1000 classes
    TrainingData data =
        new TrainingData(images(2, 64), images(2, 64), images(2, 64), null, DatasetKind.IMAGENET);
    assertThat(SearchTrainer.modelSizeMb(genotype, data)).isEqualTo(5.342464);
    NetworkSpec net = SearchedNetwork.of(genotype, DatasetKind.IMAGENET, 3, 64);
    assertThat(net.kind()).isEqualTo(NetworkSpec.Kind.IMAGENET);
    assertThat(new Profiler().count(net).params()).isEqualTo(5_342_464L);
    // the CIFAR family's published figure for PC_DARTS_cifar
    Genotype cifar = GenotypeRegistry.bundled().get("PC_DARTS_cifar");
    assertThat(new Profiler().count(SearchedNetwork.of(cifar, DatasetKind.CIFAR10)).params())
        .isEqualTo(3_634_678L);
  }

  @Test
  void imageNetBatchesAbove256WarmUpForFiveEpochsThenContinueTheCosine() {
    SearchSpec spec = imagenet(1024);
    var t = spec.training().toBuilder().learningRate(0.5).learningRateMin(0).epochs(50).build();
    LearningRateSchedule s = SearchTrainer.schedule(DatasetKind.IMAGENET, t);
    assertThat(s.at(0)).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(s.at(4)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
    // epoch 5: PyTorch's cosine continues from the 0.5 of epoch 4, stepped at its end:
    // 0.5·(1 + cos(π/10))/(1 + cos(4π/50))
    assertThat(s.at(5))
        .isCloseTo(
            0.5 * (1 + Math.cos(Math.PI / 10)) / (1 + Math.cos(Math.PI * 4 / 50)),
            org.assertj.core.api.Assertions.within(1e-12));
    assertThat(s.at(49)).isLessThan(0.001);
    var small = t.toBuilder().batchSize(256).build();
    assertThat(SearchTrainer.schedule(DatasetKind.IMAGENET, small).at(0)).isEqualTo(0.5);
    assertThat(SearchTrainer.schedule(DatasetKind.CIFAR10, t).at(0)).isEqualTo(0.5);
  }
}
