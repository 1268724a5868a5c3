package org.moodnas.pareto;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.moodnas.core.Weight;

/**
 * MOOD-NAS's Pareto weight estimator. It hands out the initial weights first; after that each next
 * weight bisects the widest adjacent pair of the front not visited yet (distance normalized per
 * objective by its maximum on the front): the weight w with w·(p₂ − p₁) = 0 and components summing
 * to 1. The sweep ends once the initial weights are done and no unvisited adjacent pair is farther
 * apart than δ.
 *
 * <p>Trials may run in parallel: {@link #next()} may be called while earlier weights are still in
 * flight (their pairs count as visited); it returns empty when nothing can be proposed now. With
 * one trial at a time the sequence is the sequential algorithm's.
 */
public final class WeightEstimator {

  private final Deque<Weight> initial;
  private final double delta;
  private final ParetoFront front = new ParetoFront();
  private final Set<List<Point>> visited = new HashSet<>();
  private int inFlight;

  public WeightEstimator(List<Weight> initialWeights, double delta) {
    if (initialWeights.isEmpty()) {
      throw new IllegalArgumentException("at least one initial weight is needed");
    }
    if (!(delta > 0)) {
      throw new IllegalArgumentException("δ must be > 0, got " + delta);
    }
    this.initial = new ArrayDeque<>(initialWeights);
    this.delta = delta;
  }

  /** The next weight to try, or empty when none can be proposed until a trial in flight ends. */
  public Optional<Weight> next() {
    if (!initial.isEmpty()) {
      inFlight++;
      return Optional.of(initial.poll());
    }
    Optional<List<Point>> widest = widestUnvisitedPair();
    if (widest.isEmpty()) {
      return Optional.empty();
    }
    List<Point> best = widest.get();
    visited.add(best);
    inFlight++;
    return Optional.of(between(best.get(0), best.get(1)));
  }

  /** The result of a weight handed out by {@link #next()}. */
  public void record(Point result) {
    inFlight--;
    front.add(result);
  }

  /** A weight handed out by {@link #next()} whose trial failed: its pair stays visited. */
  public void recordFailure() {
    inFlight--;
  }

  /**
   * A recorded trial, replayed when a run resumes: its weight leaves the initial weights, or marks
   * visited the pair of front members whose bisection it was; its result (null when the trial
   * failed) joins the front. Replayed in order of proposal, this rebuilds what every recorded
   * weight was proposed from, whatever order the trials finished in; a weight that was in flight
   * when the driver died is not recorded, so it is proposed again.
   */
  public void replay(Weight proposed, Point result) {
    if (!initial.remove(proposed)) {
      List<Point> m = front.members();
      for (int i = 0; i < m.size(); i++) {
        for (int j = i + 1; j < m.size(); j++) {
          if (between(m.get(i), m.get(j)).equals(proposed)) {
            visited.add(List.of(m.get(i), m.get(j)));
          }
        }
      }
    }
    if (result != null) {
      front.add(result);
    }
  }

  /** True when nothing is in flight and nothing more would be proposed. */
  public boolean done() {
    return inFlight == 0 && initial.isEmpty() && widestUnvisitedPair().isEmpty();
  }

  /** The widest adjacent pair not visited yet, if it is farther apart than δ. */
  private Optional<List<Point>> widestUnvisitedPair() {
    List<Point> m = front.members();
    List<Point> best = null;
    double bestDistance = Double.NEGATIVE_INFINITY;
    for (int i = 0; i + 1 < m.size(); i++) {
      List<Point> pair = List.of(m.get(i), m.get(i + 1));
      if (visited.contains(pair)) {
        continue;
      }
      double d = front.normalizedDistance(pair.get(0), pair.get(1));
      if (d > bestDistance) {
        bestDistance = d;
        best = pair;
      }
    }
    return best == null || bestDistance <= delta ? Optional.empty() : Optional.of(best);
  }

  public ParetoFront front() {
    return front;
  }

  /** w = (a, 1 − a) with a·Δreg + (1 − a)·Δcrit = 0 between adjacent members p₁, p₂. */
  static Weight between(Point p1, Point p2) {
    double dReg = p2.regLoss() - p1.regLoss();
    double dCrit = p2.criterionLoss() - p1.criterionLoss();
    double a = dCrit == dReg ? 0.5 : dCrit / (dCrit - dReg);
    a = Math.min(1, Math.max(0, a));
    return new Weight(a, 1 - a);
  }
}
