package org.moodnas.analysis;

import java.util.ArrayList;
import java.util.List;
import org.moodnas.core.TrialResult;
import org.moodnas.pareto.ParetoFront;
import org.moodnas.pareto.Point;
import org.moodnas.space.GenotypeNames;

/**
 * A search run's successful trials, each named after its ν as multiobjective.py names them and
 * marked when it is on the run's Pareto front (rebuilt from the trials in the order they were
 * recorded).
 */
public final class SearchedTrials {

  /** One successful trial with its genotype name and whether it is on the front. */
  public record Named(String name, boolean onFront, TrialResult trial) {
    public Point point() {
      return Point.of(trial);
    }
  }

  private SearchedTrials() {}

  /** The ok trials of one run in recorded order; the front's members come first in front order. */
  public static List<Named> of(List<TrialResult> trials) {
    List<TrialResult> ok = trials.stream().filter(TrialResult::ok).toList();
    if (ok.isEmpty()) {
      return List.of();
    }
    List<String> names =
        GenotypeNames.names(
            ok.get(0).objective().toString(), ok.stream().map(t -> t.weight().nu()).toList());
    ParetoFront front = new ParetoFront();
    List<Named> named = new ArrayList<>();
    for (int i = 0; i < ok.size(); i++) {
      named.add(new Named(names.get(i), false, ok.get(i)));
      front.add(named.get(i).point());
    }
    List<Named> out = new ArrayList<>();
    for (Point member : front.members()) {
      for (Named n : named) {
        if (n.point().equals(member) && out.stream().noneMatch(o -> o.trial() == n.trial())) {
          out.add(new Named(n.name(), true, n.trial()));
          break;
        }
      }
    }
    for (Named n : named) {
      if (out.stream().noneMatch(o -> o.trial() == n.trial())) {
        out.add(n);
      }
    }
    return out;
  }

  /** Only the front's members, from "tiny" (largest criterion loss) to "accurate". */
  public static List<Named> front(List<TrialResult> trials) {
    return of(trials).stream().filter(Named::onFront).toList();
  }
}
