package org.moodnas.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Specs check their settings and name the one that is wrong. */
class SpecsTest {

  private static InvalidSettingException refusal(Runnable build) {
    try {
      build.run();
    } catch (InvalidSettingException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aSearchNeedsChannelsInMultiplesOfEight() {
    InvalidSettingException e =
        refusal(
            () ->
                SearchSpec.DEFAULTS.withTraining(
                    SearchSpec.DEFAULTS.training().toBuilder().initChannels(12).build()));
    assertThat(e.setting()).isEqualTo("initChannels");
    assertThat(e.problem()).startsWith("must be a multiple of 8");
  }

  @Test
  void aSearchNeedsAHeldOutPartForTheArchitecture() {
    assertThat(
            refusal(
                    () ->
                        SearchSpec.DEFAULTS.withTraining(
                            SearchSpec.DEFAULTS.training().toBuilder().trainPortion(1).build()))
                .setting())
        .isEqualTo("trainPortion");
  }

  @Test
  void anEvaluationMayTrainOnEveryImage() {
    EvalSpec all =
        EvalSpec.DEFAULTS.withTraining(
            EvalSpec.DEFAULTS.training().toBuilder().trainPortion(1).build());
    assertThat(all.training().trainPortion()).isEqualTo(1);
  }

  @Test
  void labelSmoothingIsInZeroToOne() {
    InvalidSettingException e = refusal(() -> EvalSpec.DEFAULTS.withRecipe(1, LrSchedule.COSINE));
    assertThat(e.getMessage()).isEqualTo("labelSmoothing must be in [0, 1), got 1.0");
    assertThat(refusal(() -> EvalSpec.DEFAULTS.withRecipe(-0.1, LrSchedule.COSINE)).setting())
        .isEqualTo("labelSmoothing");
  }

  @Test
  void theLinearScheduleNeedsMoreThanFiveEpochs() {
    EvalSpec fiveEpochs =
        EvalSpec.DEFAULTS.withTraining(EvalSpec.DEFAULTS.training().toBuilder().epochs(5).build());
    InvalidSettingException e = refusal(() -> fiveEpochs.withRecipe(0.1, LrSchedule.LINEAR));
    assertThat(e.getMessage())
        .isEqualTo("epochs must be > 5 for the linear learning-rate schedule, got 5");
    assertThat(fiveEpochs.withRecipe(0.1, LrSchedule.COSINE).lrSchedule())
        .isEqualTo(LrSchedule.COSINE);
  }

  @Test
  void onlyLargeImageNetBatchesWarmUpAndOnlyImageNetRecordsTopFive() {
    EvalSpec cifar =
        EvalSpec.DEFAULTS
            .withData(new DataSource(DatasetKind.CIFAR10, "/c", 1))
            .withBatchSize(1024);
    EvalSpec imagenet = cifar.withData(new DataSource(DatasetKind.IMAGENET, "/i", 1));
    assertThat(cifar.warmsUp()).isFalse();
    assertThat(cifar.recordsTop5()).isFalse();
    assertThat(imagenet.warmsUp()).isTrue();
    assertThat(imagenet.recordsTop5()).isTrue();
    assertThat(imagenet.withBatchSize(256).warmsUp()).isFalse();
    assertThat(imagenet.withBatchSize(257).warmsUp()).isTrue();
  }

  @Test
  void publishedRecipes() {
    DataSource imagenet = new DataSource(DatasetKind.IMAGENET, "/i", 1);
    EvalSpec train = EvalSpec.publishedFor(imagenet);
    assertThat(train.labelSmoothing()).isEqualTo(0.1);
    assertThat(train.lrSchedule()).isEqualTo(LrSchedule.LINEAR);
    assertThat(train.data()).isEqualTo(imagenet);
    SearchSpec search = SearchSpec.publishedFor(imagenet, Objective.L1);
    assertThat(search.training().learningRate()).isEqualTo(0.5);
    assertThat(search.training().batchSize()).isEqualTo(128);
    assertThat(search.training().weightDecay()).isEqualTo(3e-4);
    assertThat(search.objective()).isEqualTo(Objective.L1);
    assertThat(search.data()).isEqualTo(imagenet);
    assertThat(SearchSpec.publishedSubsample(DatasetKind.IMAGENET)).isEqualTo(0.125);
    for (DatasetKind k :
        new DatasetKind[] {DatasetKind.CIFAR10, DatasetKind.CIFAR100, DatasetKind.FASHION_MNIST}) {
      DataSource d = new DataSource(k, "/d", 1);
      assertThat(EvalSpec.publishedFor(d)).as(k.id()).isEqualTo(EvalSpec.DEFAULTS.withData(d));
      assertThat(SearchSpec.publishedFor(d, Objective.L2))
          .as(k.id())
          .isEqualTo(SearchSpec.DEFAULTS.withData(d));
      assertThat(SearchSpec.publishedSubsample(k)).as(k.id()).isEqualTo(1);
    }
    assertThat(EvalSpec.DEFAULTS.labelSmoothing()).isZero();
  }

  @Test
  void theSearchsWeightDecayFollowsTheObjectiveAsInThePublishedSweeps() {
    // multiobjective.py's README: L2 with --weight_decay 0.0, "L1 with a fixed L2" with 3e-4
    assertThat(SearchSpec.publishedWeightDecay(Objective.L2)).isZero();
    assertThat(SearchSpec.publishedWeightDecay(Objective.L1)).isEqualTo(3e-4);
    assertThat(SearchSpec.DEFAULTS.objective()).isEqualTo(Objective.L2);
    assertThat(SearchSpec.DEFAULTS.training().weightDecay()).isZero();
    for (DatasetKind k : DatasetKind.values()) {
      DataSource d = new DataSource(k, "/d", 1);
      assertThat(SearchSpec.publishedFor(d, Objective.L1).training().weightDecay())
          .as(k.id())
          .isEqualTo(3e-4);
      assertThat(SearchSpec.publishedFor(d, Objective.L2).training().weightDecay())
          .as(k.id())
          .isZero();
    }
    assertThat(EvalSpec.DEFAULTS.lrSchedule()).isEqualTo(LrSchedule.COSINE);
  }

  @Test
  void nonFiniteRatesAreRefused() {
    InvalidSettingException e =
        refusal(() -> EvalSpec.DEFAULTS.training().toBuilder().learningRate(Double.NaN).build());
    assertThat(e.setting()).isEqualTo("learningRate");
    assertThat(e.getMessage()).isEqualTo("learningRate must be finite and ≥ 0, got NaN");
  }

  @Test
  void aWeightIsNonNegative() {
    assertThat(refusal(() -> new Weight(-1, 1)).setting()).isEqualTo("nu");
    assertThat(refusal(() -> new Weight(0, Double.POSITIVE_INFINITY)).setting())
        .isEqualTo("criterionWeight");
  }

  @Test
  void aTrialTakesAnyNumberOfGpusUpToItsBatch() {
    assertThat(new FanOutSpec(2, 8).gpusPerTrial()).isEqualTo(8);
    assertThat(refusal(() -> new FanOutSpec(2, -1)).setting()).isEqualTo("gpusPerTrial");
    assertThat(refusal(() -> new FanOutSpec(2, 4).requireBatchOf(3)).setting())
        .isEqualTo("gpusPerTrial");
    new FanOutSpec(2, 4).requireBatchOf(4);
    assertThat(refusal(() -> new FanOutSpec(0, null)).setting()).isEqualTo("parallelism");
  }

  @Test
  void aDataParallelDeviceIsWrittenAsItsDevices() {
    DeviceSpec gpus = DeviceSpec.gpu(2).withShards(3);
    assertThat(gpus.indices()).containsExactly(2, 3, 4);
    assertThat(gpus.toString()).isEqualTo("gpu:2,3,4");
    assertThat(DeviceSpec.parse("gpu:2,3,4")).isEqualTo(gpus);
    assertThat(gpus.first()).isEqualTo(DeviceSpec.gpu(2));
    DeviceSpec cpu = DeviceSpec.CPU.withShards(2);
    assertThat(cpu.shards()).isEqualTo(2);
    assertThat(DeviceSpec.parse(cpu.toString())).isEqualTo(cpu);
    assertThat(DeviceSpec.parse("cpu")).isEqualTo(DeviceSpec.CPU);
    assertThat(refusal(() -> DeviceSpec.parse("gpu:1,1")).setting()).isEqualTo("device");
    assertThat(refusal(() -> DeviceSpec.CPU.withShards(0)).setting()).isEqualTo("gpusPerTrial");
  }

  @Test
  void aDatasetOtherThanFashionMnistNeedsItsFolder() {
    assertThatThrownBy(() -> new DataSource(DatasetKind.CIFAR10, null, 1))
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo("path"))
        .hasMessage("path is required for cifar10");
  }
}
