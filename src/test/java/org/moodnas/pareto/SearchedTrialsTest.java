package org.moodnas.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodnas.train.TrialResult;

class SearchedTrialsTest {

  private static TrialResult ok(double nu, double reg, double crit) {
    return new TrialResult(
        "l2", nu, 1 - nu, 3e-4, "ok", null, reg, crit, null, reg, 0.5, 0.5, 1.0, "{}", "cpu",
        List.of(), 1);
  }

  @Test
  // One run shares one rounding: 0.15 needs two digits, so 0.2 is written 20e02 too.
  void namesEveryOkTrialByItsNuAndPutsTheFrontFirstFromTinyToAccurate() {
    List<TrialResult> trials =
        List.of(
            ok(0.2, 0.1, 0.9),
            ok(0.0, 1.0, 0.1),
            TrialResult.failed("l2", 0.107, 0.893, 3e-4, "boom", "cpu", List.of(), 1),
            ok(0.15, 0.5, 0.95), // dominated by ν = 0.2
            ok(0.1, 0.4, 0.4));

    List<SearchedTrials.Named> all = SearchedTrials.of(trials);

    assertThat(all)
        .extracting(SearchedTrials.Named::name)
        .containsExactly("l2_loss_20e02", "l2_loss_10e02", "l2_loss_0", "l2_loss_15e02");
    assertThat(all)
        .extracting(SearchedTrials.Named::onFront)
        .containsExactly(true, true, true, false);
    assertThat(SearchedTrials.front(trials))
        .extracting(n -> n.trial().regWeight())
        .containsExactly(0.2, 0.1, 0.0);
  }

  @Test
  void aRunWithoutSuccessfulTrialsHasNoFront() {
    assertThat(
            SearchedTrials.front(
                List.of(TrialResult.failed("l1", 0.2, 0.8, 0, "x", "cpu", List.of(), 0))))
        .isEmpty();
  }
}
