package org.moodnas.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.TrialResult;
import org.moodnas.space.Genotype;

/** Which genotypes a train job evaluates: each genotype once, under the first name it came with. */
public final class Candidates {

  /** The candidates with each genotype once and which names were merged into which. */
  public record Deduplicated(List<EvalCandidate> kept, Map<String, String> mergedInto) {}

  private Candidates() {}

  /**
   * The genotypes of a search run's successful trials (only the front's with {@code paretoOnly}),
   * named by ν as multiobjective.py names them; an error when the run has none.
   */
  public static List<EvalCandidate> fromSearch(
      String runId, List<TrialResult> trials, boolean paretoOnly) {
    List<SearchedTrials.Named> named =
        paretoOnly ? SearchedTrials.front(trials) : SearchedTrials.of(trials);
    if (named.isEmpty()) {
      throw new IllegalArgumentException("run '" + runId + "' has no successful trials");
    }
    List<EvalCandidate> out = new ArrayList<>();
    for (SearchedTrials.Named n : named) {
      if (n.trial().genotype() == null) {
        throw new IllegalArgumentException(
            "run '" + runId + "' has no genotypes (a simulated sweep?)");
      }
      out.add(new EvalCandidate(n.name(), n.trial().genotype(), runId, n.trial().weight().nu()));
    }
    return out;
  }

  /** Each genotype once, under the first name it came with; which names were merged. */
  public static Deduplicated deduplicate(List<EvalCandidate> candidates) {
    Map<Genotype, EvalCandidate> first = new LinkedHashMap<>();
    Map<String, String> merged = new LinkedHashMap<>();
    for (EvalCandidate c : candidates) {
      EvalCandidate seen = first.putIfAbsent(c.genotype(), c);
      if (seen != null) {
        merged.put(c.arch(), seen.arch());
      }
    }
    return new Deduplicated(new ArrayList<>(first.values()), merged);
  }
}
