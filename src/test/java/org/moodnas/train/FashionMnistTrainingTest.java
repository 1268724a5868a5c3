package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.SearchMetrics;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrialResult;
import org.moodnas.core.TrialStatus;
import org.moodnas.core.Weight;
import org.moodnas.data.DataFeed;
import org.moodnas.data.Dataset;
import org.moodnas.data.Datasets;
import org.moodnas.data.Split;
import org.moodnas.data.Splits;
import org.moodnas.data.TrainingData;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.space.Primitive;

/** Both trainings end to end on the real Fashion-MNIST (Debian's dataset-fashion-mnist). */
@Tag("slow")
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
    SearchSpec spec =
        SearchSpec.DEFAULTS
            .withArchWarmupEpochs(1)
            .withTraining(
                SearchSpec.DEFAULTS.training().toBuilder()
                    .batchSize(64)
                    .epochs(2)
                    .initChannels(8)
                    .layers(5)
                    .learningRate(0.05)
                    .build());
    Split split = Splits.trainPortion(fashion.train(), 0.5);
    TrainingData data =
        new TrainingData(
            split.first(),
            split.rest(),
            fashion.test(),
            fashion.normalization(),
            DatasetKind.FASHION_MNIST);
    TrialResult r = new SearchTrainer(spec, new Weight(1e-4, 1), TrainingProgress.none()).run(data);

    assertThat(r.status()).isEqualTo(TrialStatus.OK);
    assertThat(r.epochs()).hasSize(2);
    assertThat(r.epochs()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
    assertThat(r.epochs().get(1).trainLoss()).isLessThan(r.epochs().get(0).trainLoss());
    assertThat(r.epochs().get(0).validAcc()).isNull();
    SearchMetrics m = r.metrics();
    assertThat(m.validAcc()).isGreaterThan(0.3); // chance is 0.1; two epochs reach ~0.36
    assertThat(m.regLoss()).isEqualTo(m.l2Loss());
    assertThat(m.l1Loss()).isGreaterThan(0);
    Genotype g = r.genotype();
    assertThat(g.normal()).hasSize(8);
    assertThat(g.primitives()).doesNotContain(Primitive.NONE);
    // Fashion-MNIST has one input channel: the model size counts a 1-channel stem.
    NetworkSpec net = NetworkSpec.cifar(g, 36, 20, 10, false).withInput(1, 28);
    assertThat(m.modelSizeMb())
        .isEqualTo(new org.moodnas.profile.Profiler().count(net).paramSizeMb());
  }

  @Test
  void shortEvaluationOfARegistryGenotypeAndItsCheckpoint(@TempDir Path dir) {
    EvalSpec spec =
        EvalSpec.DEFAULTS
            .withAuxiliary(true)
            .withTraining(
                EvalSpec.DEFAULTS.training().toBuilder()
                    .initChannels(8)
                    .layers(3)
                    .epochs(2)
                    .batchSize(64)
                    .trainPortion(0.9)
                    .build());
    Split split = Splits.trainPortion(fashion.train(), 0.9);
    TrainingData data =
        new TrainingData(
            split.first(),
            split.rest(),
            fashion.test(),
            fashion.normalization(),
            DatasetKind.FASHION_MNIST);
    String checkpoint = dir.resolve("pc_darts.ckpt").toUri().toString();
    Genotype genotype = GenotypeRegistry.bundled().get("PC_DARTS_cifar");
    EvalResult r = new EvalTrainer(spec, TrainingProgress.none()).run(genotype, data, checkpoint);

    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(TrialStatus.OK);
    assertThat(r.epochs()).hasSize(2);
    assertThat(r.finalEpoch().testAcc()).isGreaterThan(0.4);
    assertThat(r.finalEpoch().validAcc()).isNotNull().isGreaterThan(0.3);
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
        NDList xy = BatchArrays.of(b, manager);
        correct +=
            (long)
                CrossEntropy.correct(
                        loaded.network().forward(store, new NDList(xy.get(0)), false).head(),
                        xy.get(1))
                    .getFloat();
      }
      assertThat((double) correct / fashion.test().size())
          .isCloseTo(r.finalEpoch().testAcc(), org.assertj.core.api.Assertions.within(1e-9));
    }
  }
}
