package org.moodnas.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.moodnas.core.Weight;

/** The front as a speculating estimator sees it: its members and the trials in flight. */
final class VirtualFront {

  private final ParetoFront front;
  private final List<Proposal> inFlight;

  VirtualFront(ParetoFront front, List<Proposal> inFlight) {
    this.front = front;
    this.inFlight = inFlight;
  }

  /**
   * The front with every trial in flight at its assumed position: on the segment between the
   * members whose weights bracket its weight, as far along as its ν is between theirs. Its widest
   * unvisited pair of real members wider than δ is bisected as without speculation (a pair with a
   * trial in flight between them is not adjacent here); else its widest pair with an assumed end
   * wider than δ gets, speculatively, the weight halfway between its ends' weights, unless that
   * weight was handed out before. A bisection marks its pair {@code visited}.
   */
  Proposal widestGap(double delta, Set<List<Point>> visited, Set<Weight> handedOut) {
    List<Point> real = front.members();
    List<Point> virtual = new ArrayList<>(real);
    Set<Point> assumed = new HashSet<>();
    for (Proposal p : inFlight) {
      Point a = assumedPosition(p.weight(), real);
      if (a != null) {
        virtual.add(a);
        assumed.add(a);
      }
    }
    // ν falls along the front as the criterion loss does; real members first on a tie
    virtual.sort(
        Comparator.comparingDouble((Point q) -> -q.weight().nu())
            .thenComparing(q -> assumed.contains(q)));
    Proposal bisection = null;
    Proposal speculative = null;
    double widestReal = delta;
    double widestSpeculative = delta;
    for (int i = 0; i + 1 < virtual.size(); i++) {
      Point a = virtual.get(i);
      Point b = virtual.get(i + 1);
      double d = front.normalizedDistance(a, b);
      if (!assumed.contains(a) && !assumed.contains(b)) {
        if (d > widestReal && !visited.contains(List.of(a, b))) {
          widestReal = d;
          bisection = new Proposal(WeightEstimator.between(a, b), false, a, b);
        }
        continue;
      }
      Weight w =
          new Weight(
              (a.weight().nu() + b.weight().nu()) / 2,
              (a.weight().criterionWeight() + b.weight().criterionWeight()) / 2);
      if (d > widestSpeculative && !handedOut.contains(w)) {
        widestSpeculative = d;
        speculative = new Proposal(w, true, a, b);
      }
    }
    if (bisection != null) {
      visited.add(List.of(bisection.left(), bisection.right()));
      return bisection;
    }
    return speculative;
  }

  /**
   * Where a trial of weight {@code w} is assumed to land on {@code members} (ordered by ν falling):
   * interpolated in ν between the members bracketing it; null outside them.
   */
  private static Point assumedPosition(Weight w, List<Point> members) {
    double nu = w.nu();
    for (int i = 0; i + 1 < members.size(); i++) {
      Point a = members.get(i);
      Point b = members.get(i + 1);
      double hi = a.weight().nu();
      double lo = b.weight().nu();
      if (nu < hi && nu > lo) {
        double t = (hi - nu) / (hi - lo);
        return new Point(
            a.regLoss() + t * (b.regLoss() - a.regLoss()),
            a.criterionLoss() + t * (b.criterionLoss() - a.criterionLoss()),
            w);
      }
    }
    return null;
  }
}
