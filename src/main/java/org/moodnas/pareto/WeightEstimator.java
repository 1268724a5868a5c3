package org.moodnas.pareto;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
 *
 * <p>Speculation (batch Bayesian optimisation's "constant liar", Ginsbourger et al.): when no real
 * pair is left to bisect but a slot is free, each trial in flight is assumed to land at the
 * midpoint of the gap it aimed at, which splits that gap in two; the widest such virtual gap wider
 * than δ gets the weight halfway between the weights of its ends. A returned trial's real point
 * replaces its assumed one; a speculative trial whose gap on the real front is no longer wider than
 * δ is {@linkplain #unneeded() unneeded}. The stopping rule is the real front's. With one trial at
 * a time nothing is ever in flight when a weight is proposed, so speculation changes nothing.
 */
public final class WeightEstimator {

  private final Deque<Weight> initial;
  private final double delta;
  private final ParetoFront front = new ParetoFront();
  private final Set<List<Point>> visited = new HashSet<>();
  private final List<Proposal> inFlight = new ArrayList<>();
  private final Set<Weight> handedOut = new HashSet<>();
  private final boolean speculate;

  /** Without speculation: the published estimator. */
  public WeightEstimator(List<Weight> initialWeights, double delta) {
    this(initialWeights, delta, false);
  }

  /** With {@code speculate}, free slots get speculative weights (see the class comment). */
  public WeightEstimator(List<Weight> initialWeights, double delta, boolean speculate) {
    if (initialWeights.isEmpty()) {
      throw new IllegalArgumentException("at least one initial weight is needed");
    }
    if (!(delta > 0)) {
      throw new IllegalArgumentException("δ must be > 0, got " + delta);
    }
    this.initial = new ArrayDeque<>(initialWeights);
    this.delta = delta;
    this.speculate = speculate;
  }

  /** The next weight to try, or empty when none can be proposed until a trial in flight ends. */
  public Optional<Weight> next() {
    return propose().map(Proposal::weight);
  }

  /** The next proposal, or empty when none can be made until a trial in flight ends. */
  public Optional<Proposal> propose() {
    Proposal p = null;
    if (!initial.isEmpty()) {
      p = new Proposal(initial.poll(), false, null, null);
    } else if (speculate) {
      p = new VirtualFront(front, inFlight).widestGap(delta, visited, handedOut);
    } else {
      Optional<List<Point>> widest = widestUnvisitedPair();
      if (widest.isPresent()) {
        List<Point> best = widest.get();
        visited.add(best);
        p = new Proposal(between(best.get(0), best.get(1)), false, best.get(0), best.get(1));
      }
    }
    if (p != null) {
      inFlight.add(p);
      handedOut.add(p.weight());
    }
    return Optional.ofNullable(p);
  }

  /** The result of a weight handed out: its real point joins the front. */
  public void record(Point result) {
    leave(result.weight());
    front.add(result);
  }

  /** A weight handed out whose trial failed: its pair stays visited. */
  public void recordFailure(Weight weight) {
    leave(weight);
  }

  /** A speculative weight whose trial was cancelled: it leaves, with no result. */
  public void cancel(Weight weight) {
    leave(weight);
  }

  /** The weights in flight, oldest first. */
  public List<Proposal> inFlight() {
    return List.copyOf(inFlight);
  }

  /**
   * The speculative trials in flight that the real front no longer needs: the gap of the front
   * between the members whose weights bracket theirs is not wider than δ.
   */
  public List<Proposal> unneeded() {
    List<Point> m = front.members();
    List<Proposal> out = new ArrayList<>();
    for (Proposal p : inFlight) {
      if (!p.speculative()) {
        continue;
      }
      double nu = p.weight().nu();
      for (int i = 0; i + 1 < m.size(); i++) {
        double a = m.get(i).weight().nu();
        double b = m.get(i + 1).weight().nu();
        if (nu <= Math.max(a, b)
            && nu >= Math.min(a, b)
            && front.normalizedDistance(m.get(i), m.get(i + 1)) <= delta) {
          out.add(p);
          break;
        }
      }
    }
    return out;
  }

  private void leave(Weight weight) {
    for (int i = 0; i < inFlight.size(); i++) {
      if (inFlight.get(i).weight().equals(weight)) {
        inFlight.remove(i);
        return;
      }
    }
    throw new IllegalArgumentException("no weight " + weight + " is in flight");
  }

  /**
   * A recorded trial, replayed when a run resumes: its weight leaves the initial weights, or marks
   * visited the pair of front members whose bisection it was; its result (null when the trial
   * failed) joins the front. Replayed in order of proposal, this rebuilds what every recorded
   * weight was proposed from, whatever order the trials finished in; a weight that was in flight
   * when the driver died is not recorded, so it is proposed again.
   */
  public void replay(Weight proposed, Point result) {
    handedOut.add(proposed);
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
    return inFlight.isEmpty() && initial.isEmpty() && widestUnvisitedPair().isEmpty();
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
