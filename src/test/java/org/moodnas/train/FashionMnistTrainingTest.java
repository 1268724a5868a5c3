package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.data.Dataset;
import org.moodnas.data.DatasetKind;
import org.moodnas.data.Datasets;
import org.moodnas.data.ImageSet;
import org.moodnas.data.Split;
import org.moodnas.data.Splits;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.space.Primitive;

/** Both trainings end to end on the real Fashion-MNIST (Debian's dataset-fashion-mnist). */
class FashionMnistTrainingTest {

  private static Dataset fashion;

  @BeforeAll
  static void load() {
    Dataset full = Datasets.load(DatasetKind.FASHION_MNIST, null);
    fashion =
        new Dataset(
            full.name(),
            Splits.stratifiedSubsample(full.train(), 0.05, 2),
            Splits.stratifiedSubsample(full.test(), 0.05, 2),
            full.normalization());
  }

  @Test
  void smallSearchLearnsAndYieldsAValidGenotype() {
    SearchConfig config =
        SearchConfig.defaults().toBuilder()
            .objective(Objective.L2)
            .regWeight(1e-4)
            .batchSize(64)
            .epochs(3)
            .initChannels(8)
            .layers(5)
            .archWarmupEpochs(1)
            .learningRate(0.05)
            .build();
    Split split = Splits.trainPortion(fashion.train(), 0.5);
    SearchData data =
        new SearchData(
            split.first(),
            split.rest(),
            DataFeed.of(DatasetKind.FASHION_MNIST, fashion.normalization(), 0));
    TrialResult r = new SearchTrainer(config, TrainingProgress.none()).run(data);

    assertThat(r.status()).isEqualTo("ok");
    assertThat(r.epochs()).hasSize(3);
    assertThat(r.epochs()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
    assertThat(r.epochs().get(2).trainLoss()).isLessThan(r.epochs().get(0).trainLoss());
    assertThat(r.epochs().subList(0, 2)).allSatisfy(e -> assertThat(e.validAcc()).isNull());
    assertThat(r.validAcc()).isGreaterThan(0.4); // chance is 0.1
    assertThat(r.regLoss()).isEqualTo(r.l2Loss());
    assertThat(r.l1Loss()).isGreaterThan(0);
    Genotype g = Genotype.fromJson(r.genotype());
    assertThat(g.normal()).hasSize(8);
    assertThat(g.primitives()).doesNotContain(Primitive.NONE);
    // Fashion-MNIST has one input channel: the model size counts a 1-channel stem.
    NetworkSpec spec = NetworkSpec.cifar(g, 36, 20, 10, false).withInput(1, 28);
    assertThat(r.modelSizeMb())
        .isEqualTo(new org.moodnas.profile.Profiler().count(spec).paramSizeMb());
  }

  @Test
  void shortEvaluationOfARegistryGenotypeAndItsCheckpoint(@TempDir Path dir) {
    EvalConfig config =
        EvalConfig.defaults().toBuilder()
            .initChannels(8)
            .layers(5)
            .auxiliary(true)
            .epochs(2)
            .batchSize(64)
            .trainPortion(0.9)
            .build();
    ImageSet train = fashion.train();
    Split split = Splits.trainPortion(train, 0.9);
    EvalData data =
        new EvalData(
            split.first(),
            split.rest(),
            fashion.test(),
            DataFeed.of(DatasetKind.FASHION_MNIST, fashion.normalization(), 0),
            NetworkSpec.Kind.CIFAR);
    String checkpoint = dir.resolve("pc_darts.ckpt").toUri().toString();
    Genotype genotype = GenotypeRegistry.bundled().get("PC_DARTS_cifar");
    EvalResult r = new EvalTrainer(config, TrainingProgress.none()).run(genotype, data, checkpoint);

    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo("ok");
    assertThat(r.epochs()).hasSize(2);
    assertThat(r.testAcc()).isGreaterThan(0.4);
    assertThat(r.validAcc()).isNotNull().isGreaterThan(0.3);
    assertThat(r.params()).isPositive();

    // The checkpoint reloads into a network that scores the test set the same way.
    try (NDManager manager = NDManager.newBaseManager()) {
      EvalCheckpoint.Loaded loaded = EvalCheckpoint.load(checkpoint, manager);
      assertThat(loaded.checkpoint().spec().genotype()).isEqualTo(genotype);
      assertThat(loaded.checkpoint().spec().imageSize()).isEqualTo(28);
      DataFeed feed = DataFeed.plain(loaded.checkpoint().normalization());
      long correct = 0;
      var batches = feed.eval(fashion.test(), 256);
      ParameterStore store = new ParameterStore(manager, false);
      while (batches.hasNext()) {
        var b = batches.next();
        NDList xy = feed.toArrays(b, manager);
        correct +=
            (long)
                CrossEntropy.correct(
                        loaded.network().forward(store, new NDList(xy.get(0)), false).head(),
                        xy.get(1))
                    .getFloat();
      }
      assertThat((double) correct / fashion.test().size())
          .isCloseTo(r.testAcc(), org.assertj.core.api.Assertions.within(1e-9));
    }
  }
}
