package org.moodnas.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.moodnas.analysis.ensemble.EnsembleEvaluation;
import org.moodnas.analysis.ensemble.MemberKey;
import org.moodnas.core.TrialStatus;
import org.moodnas.store.EvalRecords;

/** The networks of a train run an ensemble takes: {@code --members}, or every successful one. */
final class EnsembleMembers {

  private EnsembleMembers() {}

  /** {@code names} of {@code trainRun} (null: every successful one, sorted), with checkpoints. */
  static List<EnsembleEvaluation.Member> of(
      EvalRecords records, String trainRun, List<String> names) {
    Map<String, EvalRecords.Evaluated> byArch =
        records.evaluations(trainRun).stream()
            .collect(Collectors.toMap(EvalRecords.Evaluated::arch, Function.identity()));
    if (names == null) {
      names =
          byArch.values().stream()
              .filter(e -> e.status() == TrialStatus.OK)
              .map(EvalRecords.Evaluated::arch)
              .sorted()
              .toList();
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "train run " + trainRun + " has no successful evaluations");
    }
    List<EnsembleEvaluation.Member> out = new ArrayList<>();
    for (String name : names) {
      EvalRecords.Evaluated e = byArch.get(name);
      if (e == null || e.status() != TrialStatus.OK || e.checkpoint() == null) {
        throw new IllegalArgumentException(
            "--members: "
                + name
                + " has no successful evaluation with a checkpoint in run "
                + trainRun);
      }
      out.add(
          new EnsembleEvaluation.Member(new MemberKey(trainRun, name), e.checkpoint(), e.params()));
    }
    return out;
  }
}
