package org.moodnas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodnas.core.TrialResult;
import org.moodnas.testing.Trials;

class SearchedTrialsTest {

  // One run shares one rounding: 0.15 needs two digits, so 0.2 is written 20e02 too.
  private static final List<TrialResult> TRIALS =
      List.of(
          Trials.ok(0.2, 0.1, 0.9, null),
          Trials.ok(0.0, 1.0, 0.1, null),
          Trials.failed(0.107, "boom"),
          Trials.ok(0.15, 0.5, 0.95, null), // dominated by ν = 0.2
          Trials.ok(0.1, 0.4, 0.4, null));

  @Test
  void namesEveryOkTrialByItsNuWithTheFrontFirst() {
    // 0.2 and 0.15 both round to 0.2 at one digit and take two; 0.1 is apart at one
    assertThat(SearchedTrials.of(TRIALS))
        .extracting(SearchedTrials.Named::name)
        .containsExactly("l2_loss_20e02", "l2_loss_1e01", "l2_loss_0e00", "l2_loss_15e02");
  }

  @Test
  void marksTheFrontsMembersAndLeavesTheDominatedOnesOff() {
    assertThat(SearchedTrials.of(TRIALS))
        .extracting(SearchedTrials.Named::onFront)
        .containsExactly(true, true, true, false);
  }

  @Test
  void theFrontRunsFromTinyToAccurate() {
    assertThat(SearchedTrials.front(TRIALS))
        .extracting(n -> n.trial().weight().nu())
        .containsExactly(0.2, 0.1, 0.0);
  }

  @Test
  void aRunWithoutSuccessfulTrialsHasNoFront() {
    assertThat(SearchedTrials.front(List.of(Trials.failed(0.2, "x")))).isEmpty();
  }
}
