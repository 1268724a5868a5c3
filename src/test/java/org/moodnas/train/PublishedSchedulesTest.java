package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.LrSchedule;
import org.moodnas.core.Objective;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrainingSpec;
import org.moodnas.train.optim.LearningRateSchedule;

/**
 * The learning rate of every epoch, script by script: each published epoch loop is replayed here
 * with PyTorch's CosineAnnealingLR (its recursive step, PyTorch 1.8's) and the script's own writes
 * to the rate, and checked against rates worked out by hand.
 */
class PublishedSchedulesTest {

  private static final double EPS = 1e-12;

  /** torch.optim.lr_scheduler.CosineAnnealingLR on one parameter group. */
  private static final class TorchCosine {
    final double base;
    final double etaMin;
    final int tMax;
    int lastEpoch;
    double lr; // the parameter group's rate, which a script may write over

    TorchCosine(double lr, double etaMin, int tMax) {
      this.base = lr;
      this.etaMin = etaMin;
      this.tMax = tMax;
      this.lr = lr;
    }

    void step() {
      lastEpoch++;
      if ((lastEpoch - 1 - tMax) % (2 * tMax) == 0) {
        lr += (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
      } else {
        lr =
            (1 + Math.cos(Math.PI * lastEpoch / tMax))
                    / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                    * (lr - etaMin)
                + etaMin;
      }
    }
  }

  /** train.py and train_search.py: read the rate (get_last_lr), train, step. */
  private static double[] stepAfterEachEpoch(double lr, double min, int epochs) {
    TorchCosine s = new TorchCosine(lr, min, epochs);
    double[] rates = new double[epochs];
    for (int e = 0; e < epochs; e++) {
      rates[e] = s.lr;
      s.step();
    }
    return rates;
  }

  /** train_search_imagenet.py: the warm-up written over the rate, train, step. */
  private static double[] trainSearchImagenet(double lr, double min, int epochs, int batch) {
    TorchCosine s = new TorchCosine(lr, min, epochs);
    double[] rates = new double[epochs];
    for (int e = 0; e < epochs; e++) {
      if (e < 5 && batch > 256) {
        s.lr = lr * (e + 1) / 5.0;
      }
      rates[e] = s.lr;
      s.step();
    }
    return rates;
  }

  /** train_imagenet.py: step (cosine) or adjust_lr (linear), the warm-up written over, train. */
  private static double[] trainImagenet(double lr, int epochs, int batch, boolean cosine) {
    TorchCosine s = new TorchCosine(lr, 0, epochs);
    double[] rates = new double[epochs];
    for (int e = 0; e < epochs; e++) {
      if (cosine) {
        s.step();
      } else {
        s.lr =
            epochs - e > 5
                ? lr * (epochs - 5 - e) / (epochs - 5)
                : lr * (epochs - e) / ((epochs - 5) * 5.0);
      }
      if (e < 5 && batch > 256) {
        s.lr = lr * (e + 1) / 5.0;
      }
      rates[e] = s.lr;
    }
    return rates;
  }

  private static void assertRates(LearningRateSchedule ours, double[] published) {
    for (int e = 0; e < published.length; e++) {
      assertThat(ours.at(e)).as("epoch %d", e).isCloseTo(published[e], within(EPS));
    }
  }

  private static DataSource source(DatasetKind kind) {
    return new DataSource(kind, "/d", 1);
  }

  @Test
  void trainPyTrainsEpochEAtTheCosineOfE() {
    EvalSpec spec = EvalSpec.publishedFor(source(DatasetKind.CIFAR10));
    LearningRateSchedule ours = EvalTrainer.schedule(spec);
    assertRates(ours, stepAfterEachEpoch(0.025, 0, 600));
    assertThat(ours.at(0)).isEqualTo(0.025);
    assertThat(ours.at(300)).isCloseTo(0.0125, within(EPS)); // cos(π/2) = 0
    assertThat(ours.at(599)).isCloseTo(0.0125 * (1 + Math.cos(Math.PI * 599 / 600)), within(EPS));
  }

  @Test
  void trainSearchPyTrainsEpochEAtTheCosineOfE() {
    TrainingSpec t = SearchSpec.publishedFor(source(DatasetKind.CIFAR10), Objective.L2).training();
    LearningRateSchedule ours = SearchTrainer.schedule(DatasetKind.CIFAR10, t);
    assertRates(ours, stepAfterEachEpoch(0.1, 0.001, 50));
    assertThat(ours.at(0)).isEqualTo(0.1);
    assertThat(ours.at(25)).isCloseTo(0.001 + 0.099 / 2, within(EPS));
  }

  @Test
  void trainSearchImagenetPyNeverWarmsUpAtItsBatchOf128() {
    TrainingSpec t = SearchSpec.publishedFor(source(DatasetKind.IMAGENET), Objective.L1).training();
    assertThat(t.batchSize()).isEqualTo(128);
    LearningRateSchedule ours = SearchTrainer.schedule(DatasetKind.IMAGENET, t);
    assertRates(ours, trainSearchImagenet(0.5, 0, 50, 128));
    assertThat(ours.at(0)).isEqualTo(0.5);
    assertThat(ours.at(5)).isCloseTo(0.25 * (1 + Math.cos(Math.PI * 5 / 50)), within(EPS));
  }

  @Test
  void trainSearchImagenetPyAboveBatch256ContinuesTheCosineFromTheWarmedUpRate() {
    TrainingSpec t =
        SearchSpec.publishedFor(source(DatasetKind.IMAGENET), Objective.L1).training().toBuilder()
            .batchSize(1024)
            .build();
    LearningRateSchedule ours = SearchTrainer.schedule(DatasetKind.IMAGENET, t);
    assertRates(ours, trainSearchImagenet(0.5, 0, 50, 1024));
    assertThat(ours.at(0)).isCloseTo(0.1, within(EPS));
    assertThat(ours.at(4)).isCloseTo(0.5, within(EPS));
    // by hand: epoch 4 held 0.5, its end-of-epoch step multiplies by the ratio of steps 5 and 4,
    // and so on: epoch e ≥ 5 at 0.5·(1 + cos(πe/50))/(1 + cos(4π/50)), above the plain cosine
    double anchor = 1 + Math.cos(Math.PI * 4 / 50);
    for (int e : new int[] {5, 6, 25, 49}) {
      assertThat(ours.at(e))
          .as("epoch %d", e)
          .isCloseTo(0.5 * (1 + Math.cos(Math.PI * e / 50)) / anchor, within(EPS));
    }
    assertThat(ours.at(5)).isGreaterThan(0.25 * (1 + Math.cos(Math.PI * 5 / 50)));
  }

  @Test
  void trainImagenetPyWithItsLinearScheduleWarmsUpThenFollowsAdjustLr() {
    EvalSpec spec = EvalSpec.publishedFor(source(DatasetKind.IMAGENET));
    assertThat(spec.lrSchedule()).isEqualTo(LrSchedule.LINEAR);
    LearningRateSchedule ours = EvalTrainer.schedule(spec);
    assertRates(ours, trainImagenet(0.5, 250, 1024, false));
    assertThat(ours.at(2)).isCloseTo(0.3, within(EPS));
    assertThat(ours.at(5)).isCloseTo(0.5 * 240 / 245, within(EPS));
    assertThat(ours.at(249)).isCloseTo(0.5 / 1225, within(EPS));
  }

  @Test
  void trainImagenetPyWithTheCosineStepsBeforeEachEpoch() {
    EvalSpec base = EvalSpec.publishedFor(source(DatasetKind.IMAGENET));
    EvalSpec cosine = base.withRecipe(base.labelSmoothing(), LrSchedule.COSINE);
    // batch 256: no warm-up, epoch e at the cosine of e + 1, the last epoch at 0
    LearningRateSchedule small = EvalTrainer.schedule(cosine.withBatchSize(256));
    assertRates(small, trainImagenet(0.5, 250, 256, true));
    assertThat(small.at(0)).isCloseTo(0.25 * (1 + Math.cos(Math.PI / 250)), within(EPS));
    assertThat(small.at(249)).isCloseTo(0, within(EPS));
    // batch 1024: warm-up, then from 0.5 at step 5: 0.5·(1 + cos(π(e + 1)/250))/(1 + cos(5π/250))
    LearningRateSchedule warm = EvalTrainer.schedule(cosine);
    assertRates(warm, trainImagenet(0.5, 250, 1024, true));
    assertThat(warm.at(4)).isCloseTo(0.5, within(EPS));
    double anchor = 1 + Math.cos(Math.PI * 5 / 250);
    for (int e : new int[] {5, 124, 248}) {
      assertThat(warm.at(e))
          .as("epoch %d", e)
          .isCloseTo(0.5 * (1 + Math.cos(Math.PI * (e + 1) / 250)) / anchor, within(EPS));
    }
    assertThat(warm.at(249)).isCloseTo(0, within(EPS));
  }
}
