package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.ensemble.EnsembleEvaluation;
import org.moodnas.analysis.ensemble.EnsembleSelection;
import org.moodnas.analysis.ensemble.WeightedEnsemble;
import picocli.CommandLine.Option;

/** {@code ensemble --select greedy [--budget-params N]}: the ensemble chosen from the members. */
final class SelectionOptions {

  @Option(
      names = "--select",
      paramLabel = "greedy",
      description =
          "build the ensemble from the members by forward selection with replacement (Caruana et"
              + " al.) on the rest of the training set after --train-portion; reported on test")
  String select;

  @Option(
      names = "--budget-params",
      paramLabel = "N",
      description = "with --select: most parameters of the selected networks together")
  Long budgetParams;

  /** The budget given, or null. */
  Long budget() {
    return budgetParams;
  }

  boolean on() {
    return select != null;
  }

  void check(boolean calculate) {
    if (select != null && !select.equals("greedy")) {
      throw new IllegalArgumentException("--select " + select + ": only greedy is known");
    }
    if (select != null && calculate) {
      throw new IllegalArgumentException(
          "--select and --calculate: the selection weighs the members itself");
    }
    if (budgetParams != null && select == null) {
      throw new IllegalArgumentException("--budget-params needs --select greedy");
    }
    if (budgetParams != null && budgetParams < 1) {
      throw new IllegalArgumentException("--budget-params must be ≥ 1, got " + budgetParams);
    }
  }

  /** Greedy selection from {@code pool} on {@code weighing}, its path on {@code err}. */
  WeightedEnsemble select(
      List<EnsembleEvaluation.Member> pool, Dataset<Row> weighing, PrintWriter err) {
    List<EnsembleSelection.Candidate> candidates =
        pool.stream().map(m -> new EnsembleSelection.Candidate(m.key(), m.params())).toList();
    long budget = budgetParams == null ? Long.MAX_VALUE : budgetParams;
    EnsembleSelection.Selection s;
    try {
      s =
          new EnsembleSelection(candidates, budget, EnsembleSelection.steps(candidates.size()))
              .select(weighing);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--budget-params " + budget + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < s.path().size(); i++) {
      EnsembleSelection.Step step = s.path().get(i);
      err.printf(
          "ensemble: selection step %d: + %s → weighing top-1 %.4f, %d parameters%s%n",
          i + 1,
          step.added().member(),
          step.top1(),
          step.params(),
          i + 1 == s.bestSteps() ? " (kept)" : "");
    }
    err.flush();
    return s.ensemble();
  }
}
