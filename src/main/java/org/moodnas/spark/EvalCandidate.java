package org.moodnas.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodnas.space.Genotype;

/**
 * A genotype to evaluate: its name, and the search run and ν it came from (null for registry
 * names).
 */
public record EvalCandidate(String arch, Genotype genotype, String sourceRunId, Double regWeight) {

  /** The candidates with each genotype once (the first name wins) and which names were merged. */
  public record Deduplicated(List<EvalCandidate> kept, Map<String, String> mergedInto) {}

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
