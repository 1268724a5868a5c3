package org.moodnas.pareto;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-dominated results so far, ordered by criterion loss, descending (from "tiny" to
 * "accurate"). A new point joins unless a member is at least as good in both objectives; members
 * the new point is at least as good as in both leave, except a member with equal objectives.
 */
public final class ParetoFront {

  private final List<Point> members = new ArrayList<>();

  /** Adds {@code p} if no member weakly dominates it; returns whether it joined. */
  public boolean add(Point p) {
    for (Point m : members) {
      if (m.weaklyDominates(p)) {
        return false;
      }
    }
    members.removeIf(m -> p.weaklyDominates(m) && !m.sameObjectives(p));
    int at = 0;
    while (at < members.size() && members.get(at).criterionLoss() >= p.criterionLoss()) {
      at++;
    }
    members.add(at, p);
    return true;
  }

  public List<Point> members() {
    return List.copyOf(members);
  }

  public int size() {
    return members.size();
  }

  /**
   * Euclidean distance of two members after dividing each objective by its largest value on the
   * front (an objective whose largest value is 0 is left as it is).
   */
  public double normalizedDistance(Point a, Point b) {
    double maxReg = members.stream().mapToDouble(Point::regLoss).max().orElse(1);
    double maxCrit = members.stream().mapToDouble(Point::criterionLoss).max().orElse(1);
    double dr = (a.regLoss() - b.regLoss()) / (maxReg == 0 ? 1 : maxReg);
    double dc = (a.criterionLoss() - b.criterionLoss()) / (maxCrit == 0 ? 1 : maxCrit);
    return Math.sqrt(dr * dr + dc * dc);
  }
}
