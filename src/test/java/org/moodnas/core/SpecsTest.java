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
  void aTrialTakesOneGpuAtMost() {
    assertThat(refusal(() -> new FanOutSpec(2, 2)).setting()).isEqualTo("gpusPerTrial");
    assertThat(refusal(() -> new FanOutSpec(0, null)).setting()).isEqualTo("parallelism");
  }

  @Test
  void aDatasetOtherThanFashionMnistNeedsItsFolder() {
    assertThatThrownBy(() -> new DataSource(DatasetKind.CIFAR10, null, 1))
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo("path"))
        .hasMessage("path is required for cifar10");
  }
}
