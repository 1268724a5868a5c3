package org.moodnas.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moodnas.core.SweepSpec;
import org.moodnas.core.Weight;

/** Speculative proposals on the toy problem, in simulated time (trials one length each). */
class SpeculationTest {

  private static SweepRounds.Result rounds(double delta, int p, boolean speculate) {
    return new SweepRounds(SweepSpec.DEFAULT_INITIAL_WEIGHTS, delta, p, speculate).run();
  }

  @Test
  void oneAtATimeTheSequenceIsThePublishedOne() {
    for (double delta : new double[] {0.15, 0.05}) {
      WeightEstimator plain = new WeightEstimator(SweepSpec.DEFAULT_INITIAL_WEIGHTS, delta);
      WeightEstimator speculating =
          new WeightEstimator(SweepSpec.DEFAULT_INITIAL_WEIGHTS, delta, true);
      List<Weight> a = new ArrayList<>();
      List<Weight> b = new ArrayList<>();
      while (!plain.done()) {
        Weight w = plain.next().orElseThrow();
        a.add(w);
        plain.record(ToyProblem.solve(w));
      }
      while (!speculating.done()) {
        Weight w = speculating.next().orElseThrow();
        b.add(w);
        speculating.record(ToyProblem.solve(w));
      }
      assertThat(b).as("δ " + delta).isEqualTo(a).hasSize(delta == 0.15 ? 11 : 33);
    }
  }

  @Test
  void eightSlotsFinishTheDefaultSweepInThreeRoundsWithinDelta() {
    SweepRounds.Result plain = rounds(0.15, 8, false);
    SweepRounds.Result speculating = rounds(0.15, 8, true);
    assertThat(plain.rounds()).isEqualTo(5);
    assertThat(speculating.rounds()).isLessThanOrEqualTo(3.5);
    assertThat(speculating.started()).isLessThanOrEqualTo(16);
    assertThat(speculating.recorded() + speculating.cancelled()).isEqualTo(speculating.started());
    assertThat(speculating.largestGap()).isLessThanOrEqualTo(0.15);
  }

  @Test
  void aFineSweepKeepsSixOfEightSlotsBusy() {
    assertThat(rounds(0.05, 8, false).meanBusy()).isLessThan(5);
    SweepRounds.Result r = rounds(0.05, 8, true);
    assertThat(r.meanBusy()).isGreaterThanOrEqualTo(6);
    assertThat(r.largestGap()).isLessThanOrEqualTo(0.05);
  }

  @Test
  void aSpeculativeTrialTheRealFrontNoLongerNeedsIsUnneeded() {
    WeightEstimator e = new WeightEstimator(SweepSpec.DEFAULT_INITIAL_WEIGHTS, 0.15, true);
    e.record(ToyProblem.solve(e.next().orElseThrow()));
    e.record(ToyProblem.solve(e.next().orElseThrow()));
    Proposal real = e.propose().orElseThrow();
    assertThat(real.speculative()).isFalse();
    // the one real gap is bisected; the free slots speculate inside it, each on a new weight
    List<Proposal> speculative = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Proposal p = e.propose().orElseThrow();
      assertThat(p.speculative()).isTrue();
      assertThat(p.weight().nu()).isStrictlyBetween(0.0, 0.2);
      speculative.add(p);
    }
    assertThat(e.unneeded()).isEmpty();
    assertThat(speculative).extracting(Proposal::weight).doesNotHaveDuplicates();
    // the real trial and all but one speculative return: the last one's gap is below δ
    e.record(ToyProblem.solve(real.weight()));
    for (Proposal p : speculative.subList(0, 2)) {
      e.record(ToyProblem.solve(p.weight()));
    }
    List<Proposal> unneeded = e.unneeded();
    assertThat(unneeded).allMatch(Proposal::speculative);
    unneeded.forEach(p -> e.cancel(p.weight()));
    assertThat(e.inFlight()).hasSize(speculative.size() - 2 - unneeded.size());
  }
}
