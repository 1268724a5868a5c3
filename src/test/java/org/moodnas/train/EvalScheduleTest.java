package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.LrSchedule;
import org.moodnas.train.optim.LearningRateSchedule;

/** The learning rate an evaluation trains with, per epoch, from its spec. */
class EvalScheduleTest {

  private static final double EPS = 1e-15;

  private static EvalSpec spec(DatasetKind dataset, LrSchedule schedule, int batch) {
    return EvalSpec.DEFAULTS
        .withData(new DataSource(dataset, "/d", 1))
        .withTraining(
            EvalSpec.DEFAULTS.training().toBuilder()
                .epochs(250)
                .learningRate(0.5)
                .learningRateMin(0)
                .batchSize(batch)
                .build())
        .withRecipe(0.1, schedule);
  }

  @Test
  void imageNetInBatchesOf1024WarmsTheLinearScheduleUp() {
    LearningRateSchedule s =
        EvalTrainer.schedule(spec(DatasetKind.IMAGENET, LrSchedule.LINEAR, 1024));
    assertThat(s.at(0)).isCloseTo(0.1, within(EPS));
    assertThat(s.at(4)).isCloseTo(0.5, within(EPS)); // the base rate, 0.5 · 5/5
    assertThat(s.at(5)).isCloseTo(0.5 * 240 / 245, within(EPS));
    assertThat(s.at(246)).isCloseTo(0.5 * 4 / 1225, within(EPS));
  }

  @Test
  void imageNetInBatchesOf256DoesNotWarmUp() {
    LearningRateSchedule s =
        EvalTrainer.schedule(spec(DatasetKind.IMAGENET, LrSchedule.LINEAR, 256));
    assertThat(s.at(0)).isEqualTo(0.5);
    assertThat(s.at(4)).isCloseTo(0.5 * 241 / 245, within(EPS));
  }

  @Test
  void imageNetMayTrainWithTheWarmedUpCosine() {
    LearningRateSchedule s =
        EvalTrainer.schedule(spec(DatasetKind.IMAGENET, LrSchedule.COSINE, 1024));
    assertThat(s.at(0)).isCloseTo(0.1, within(EPS));
    // train_imagenet.py steps the cosine before each epoch and it continues from the warm-up's 0.5
    double fromEpoch4 = 0.5 / (1 + Math.cos(Math.PI * 5 / 250));
    assertThat(s.at(125)).isCloseTo(fromEpoch4 * (1 + Math.cos(Math.PI * 126 / 250)), within(EPS));
  }

  @Test
  void cifarKeepsTheCosineWithoutWarmUpWhateverTheBatch() {
    LearningRateSchedule s =
        EvalTrainer.schedule(spec(DatasetKind.CIFAR10, LrSchedule.COSINE, 1024));
    assertThat(s.at(0)).isEqualTo(0.5);
    assertThat(s.at(1)).isCloseTo(0.25 * (1 + Math.cos(Math.PI / 250)), within(EPS));
  }
}
