package org.moodnas.train.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The learning-rate schedules against train_imagenet.py's adjust_lr and warm-up, by hand. */
class LearningRateScheduleTest {

  private static final double EPS = 1e-15;

  @Test
  void linearFallsOverTheFirstTMinusFiveEpochsThenWithASmallerSlope() {
    LinearSchedule s = new LinearSchedule(0.5, 250);
    assertThat(s.at(0)).isCloseTo(0.5, within(EPS)); // 0.5·245/245
    assertThat(s.at(5)).isCloseTo(0.5 * 240 / 245, within(EPS));
    assertThat(s.at(100)).isCloseTo(0.5 * 145 / 245, within(EPS));
    assertThat(s.at(244)).isCloseTo(0.5 / 245, within(EPS)); // 250 − 244 = 6 > 5: 0.5·1/245
    assertThat(s.at(245)).isCloseTo(0.5 * 5 / 1225, within(EPS)); // 0.5·5/(245·5), the same rate
    assertThat(s.at(246)).isCloseTo(0.5 * 4 / 1225, within(EPS));
    assertThat(s.at(249)).isCloseTo(0.5 / 1225, within(EPS));
  }

  @Test
  void warmUpRisesToTheBaseRateOverTheFirstFiveEpochs() {
    WarmUp s = new WarmUp(new LinearSchedule(0.5, 250), 0.5, 5);
    assertThat(s.at(0)).isCloseTo(0.1, within(EPS)); // 0.5 · 1/5
    assertThat(s.at(1)).isCloseTo(0.2, within(EPS));
    // the published scripts set base·(e + 1)/5 over the rate adjust_lr set: 0.5 at epoch 4
    assertThat(s.at(4)).isCloseTo(0.5, within(EPS));
    assertThat(s.at(5)).isCloseTo(0.5 * 240 / 245, within(EPS));
    assertThat(s.at(246)).isCloseTo(0.5 * 4 / 1225, within(EPS));
  }

  @Test
  void warmUpAppliesToTheCosineScheduleToo() {
    WarmUp s = new WarmUp(new CosineSchedule(0.5, 0, 250), 0.5, 5);
    assertThat(s.at(0)).isCloseTo(0.1, within(EPS));
    assertThat(s.at(2)).isCloseTo(0.3, within(EPS)); // 0.5 · 3/5, not the cosine's
    // PyTorch's recursive cosine continues from the 0.5 epoch 4 held: each step multiplies by
    // (1 + cos(πk/T))/(1 + cos(π(k − 1)/T)), so epoch e runs at 0.5·(1 + cos(πe/T))/(1 + cos(4π/T))
    double anchor = 1 + Math.cos(Math.PI * 4 / 250);
    assertThat(s.at(5)).isCloseTo(0.5 * (1 + Math.cos(Math.PI * 5 / 250)) / anchor, within(EPS));
    assertThat(s.at(125)).isCloseTo(0.5 / anchor, within(1e-12)); // cos(π/2) = 0
  }

  @Test
  void aCosineSteppedBeforeEachEpochRunsOneStepAhead() {
    CosineSchedule s = new CosineSchedule(0.5, 0, 250, true, 0);
    assertThat(s.at(0)).isCloseTo(0.25 * (1 + Math.cos(Math.PI / 250)), within(EPS));
    assertThat(s.at(124)).isCloseTo(0.25, within(1e-12));
    assertThat(s.at(249)).isCloseTo(0, within(EPS));
    // written over at epoch 4 with 0.5 (step 5): from there 0.5·(1 + cos(πk/T))/(1 + cos(5π/T))
    LearningRateSchedule w = s.overwrittenAt(4, 0.5);
    double anchor = 1 + Math.cos(Math.PI * 5 / 250);
    assertThat(w.at(5)).isCloseTo(0.5 * (1 + Math.cos(Math.PI * 6 / 250)) / anchor, within(EPS));
    // adjust_lr sets every epoch's rate afresh: a write over one epoch changes nothing later
    LinearSchedule linear = new LinearSchedule(0.5, 250);
    assertThat(linear.overwrittenAt(4, 0.5)).isSameAs(linear);
  }

  @Test
  void cosineIsUnchanged() {
    CosineSchedule s = new CosineSchedule(0.025, 0, 600);
    assertThat(s.at(0)).isEqualTo(0.025);
    assertThat(s.at(300)).isCloseTo(0.0125, within(1e-12));
  }

  @Test
  void theLinearScheduleNeedsMoreThanFiveEpochs() {
    assertThatThrownBy(() -> new LinearSchedule(0.5, 5))
        .hasMessage("the linear schedule needs > 5 epochs, got 5");
    assertThat(new LinearSchedule(0.5, 6).at(0)).isEqualTo(0.5);
    assertThat(new LinearSchedule(0.5, 6).at(1)).isCloseTo(0.5 * 5 / 5, within(EPS));
  }
}
