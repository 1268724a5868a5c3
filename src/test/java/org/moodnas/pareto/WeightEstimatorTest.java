package org.moodnas.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moodnas.core.SweepSpec;
import org.moodnas.core.Weight;

class WeightEstimatorTest {

  /** Runs the estimator against the toy problem with up to p trials in flight. */
  private static List<Double> sweep(int parallelism) {
    WeightEstimator e =
        new WeightEstimator(SweepSpec.DEFAULT_INITIAL_WEIGHTS, SweepSpec.DEFAULT_DELTA);
    List<Double> proposed = new ArrayList<>();
    Deque<Weight> running = new ArrayDeque<>();
    while (!e.done()) {
      while (running.size() < parallelism) {
        Optional<Weight> w = e.next();
        if (w.isEmpty()) {
          break;
        }
        proposed.add(w.get().nu());
        running.add(w.get());
      }
      e.record(ToyProblem.solve(running.poll())); // the oldest trial finishes first
    }
    return proposed;
  }

  @Test
  void sequentialSweepOnTheToyProblemGivesThePublishedSequence() {
    List<Double> nus = sweep(1);
    assertThat(nus).hasSize(11);
    double[] expected = {0.2, 0.0, 0.107143, 0.155172, 0.177966};
    for (int i = 0; i < expected.length; i++) {
      assertThat(nus.get(i)).as("trial " + i).isCloseTo(expected[i], within(5e-7));
    }
  }

  @Test
  void parallelSweepKeepsSlotsBusyAndStillCoversTheFront() {
    List<Double> nus = sweep(2);
    assertThat(nus.subList(0, 2)).containsExactly(0.2, 0.0);
    assertThat(nus.size()).isBetween(9, 14);
    assertThat(nus).doesNotHaveDuplicates();
  }

  private static WeightEstimator fresh() {
    return new WeightEstimator(SweepSpec.DEFAULT_INITIAL_WEIGHTS, SweepSpec.DEFAULT_DELTA);
  }

  @Test
  void replayingTheFirstTrialsOfASweepContinuesItWithTheSameWeights() {
    List<Double> uninterrupted = sweep(1);
    WeightEstimator first = fresh();
    List<Weight> done = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Weight w = first.next().orElseThrow();
      first.record(ToyProblem.solve(w));
      done.add(w);
    }
    WeightEstimator resumed = fresh();
    for (Weight w : done) {
      resumed.replay(w, ToyProblem.solve(w));
    }
    List<Double> rest = new ArrayList<>();
    while (!resumed.done()) {
      Weight w = resumed.next().orElseThrow();
      rest.add(w.nu());
      resumed.record(ToyProblem.solve(w));
    }
    assertThat(rest).isEqualTo(uninterrupted.subList(5, uninterrupted.size()));
  }

  @Test
  void aWeightInFlightWhenTheDriverDiedIsProposedAgainAndNothingRecordedIs() {
    // two at once; the second initial weight finishes first, then the driver dies
    WeightEstimator first = fresh();
    Weight w0 = first.next().orElseThrow();
    Weight w1 = first.next().orElseThrow();
    first.record(ToyProblem.solve(w1));

    WeightEstimator resumed = fresh();
    resumed.replay(w1, ToyProblem.solve(w1));
    assertThat(resumed.next()).contains(w0);
    assertThat(resumed.next()).as("nothing before w0's result is known").isEmpty();
    resumed.record(ToyProblem.solve(w0));
    Weight third = resumed.next().orElseThrow();
    assertThat(third.nu()).isCloseTo(0.107143, within(5e-7));

    // the bisection failed: replayed, its pair stays visited and is not proposed again
    WeightEstimator again = fresh();
    again.replay(w0, ToyProblem.solve(w0));
    again.replay(w1, ToyProblem.solve(w1));
    again.replay(third, null);
    assertThat(again.next()).isEmpty();
    assertThat(again.done()).isTrue();
  }

  @Test
  void frontKeepsOnlyNonDominatedPointsOrderedByCriterionLoss() {
    ParetoFront f = new ParetoFront();
    Weight w = new Weight(0, 1);
    assertThat(f.add(new Point(1, 0, w))).isTrue();
    assertThat(f.add(new Point(0.5, 0.5, w))).isTrue();
    assertThat(f.add(new Point(0.6, 0.6, w))).as("dominated").isFalse();
    assertThat(f.add(new Point(0.5, 0.5, w))).as("equal to a member").isFalse();
    assertThat(f.add(new Point(0.4, 0.4, w))).isTrue(); // evicts (0.5, 0.5)
    assertThat(f.add(new Point(0, 2, w))).isTrue();
    assertThat(f.members()).extracting(Point::criterionLoss).containsExactly(2.0, 0.4, 0.0);
  }

  @Test
  void aFailedTrialLeavesItsPairVisited() {
    WeightEstimator e = new WeightEstimator(SweepSpec.DEFAULT_INITIAL_WEIGHTS, 0.15);
    e.record(ToyProblem.solve(e.next().orElseThrow()));
    e.record(ToyProblem.solve(e.next().orElseThrow()));
    assertThat(e.next()).isPresent();
    e.recordFailure(e.inFlight().get(0).weight());
    assertThat(e.next()).isEmpty();
    assertThat(e.done()).isTrue();
  }

  @Test
  void theToyOptimumIsTheScalarizedMinimum() {
    Point p = ToyProblem.solve(new Weight(0.2, 0.8));
    double x = 0.2 / (0.2 + 2.4);
    assertThat(p.regLoss()).isCloseTo((1 - x) * (1 - x), within(1e-12));
    assertThat(p.criterionLoss()).isCloseTo(3 * x * x, within(1e-12));
    assertThat(ToyProblem.solve(new Weight(0, 1)).criterionLoss()).isZero();
  }
}
