package org.moodnas.analysis.ensemble;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The front of ensembles: for each parameter budget, the ensemble that {@link EnsembleSelection}
 * builds within it on the weighing frame, scored on the test frame. The budgets are the candidates'
 * own sizes (where each single network stands) and their total (no budget at all), so that each
 * point answers "what is the most accurate thing I can deploy in N parameters, one network or
 * several?" beside the front of single networks.
 */
public final class EnsembleFront {

  /**
   * One budget's ensemble: the budget, the parameters its distinct networks hold together, its
   * members (a network chosen k times counted once here; {@code weights} says how often, as a share
   * of the most chosen), its top-1 on the weighing frame and its test figures.
   */
  public record Point(
      long budget,
      long params,
      List<MemberKey> members,
      List<Double> weights,
      double weighingTop1,
      WeightedEnsemble.Figures test) {

    public Point {
      members = List.copyOf(members);
      weights = List.copyOf(weights);
    }
  }

  /** A single network on the test frame: its key, parameters and top-1. */
  public record Single(MemberKey key, long params, double testTop1) {}

  private final List<EnsembleSelection.Candidate> candidates;

  public EnsembleFront(List<EnsembleSelection.Candidate> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("a front of ensembles needs at least one network");
    }
    this.candidates = List.copyOf(candidates);
  }

  /** The budgets, ascending: every distinct candidate size, then the candidates' total. */
  public List<Long> budgets() {
    TreeSet<Long> budgets = new TreeSet<>();
    candidates.forEach(c -> budgets.add(c.params()));
    budgets.add(candidates.stream().mapToLong(EnsembleSelection.Candidate::params).sum());
    return List.copyOf(budgets);
  }

  /**
   * Each candidate alone on {@code test}: top-1 as the ensembles count it (the first of tied
   * classes wins), in one aggregation.
   */
  public List<Single> singles(Dataset<Row> test) {
    List<MemberKey> keys = candidates.stream().map(EnsembleSelection.Candidate::key).toList();
    Map<Integer, Double> top1 = new HashMap<>();
    PredictionsFrame.indexed(test, keys, null, null, null)
        .groupBy(PredictionsFrame.M)
        .agg(avg(expr("IF(array_position(logits, array_max(logits)) - 1 = label, 1D, 0D)")))
        .collectAsList()
        .forEach(r -> top1.put(r.getInt(0), r.getDouble(1)));
    List<Single> out = new ArrayList<>();
    for (int m = 0; m < candidates.size(); m++) {
      EnsembleSelection.Candidate c = candidates.get(m);
      if (!top1.containsKey(m)) {
        throw new IllegalArgumentException("the test frame has no predictions of " + c.key());
      }
      out.add(new Single(c.key(), c.params(), top1.get(m)));
    }
    return out;
  }

  /**
   * One point per budget: selected on {@code weighing}, scored on {@code test} (predictions frames
   * of the candidates).
   */
  public List<Point> of(Dataset<Row> weighing, Dataset<Row> test) {
    Dataset<Row> w = weighing.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> t = test.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      int steps = EnsembleSelection.steps(candidates.size());
      List<Point> points = new ArrayList<>();
      for (long budget : budgets()) {
        EnsembleSelection.Selection s = new EnsembleSelection(candidates, budget, steps).select(w);
        WeightedEnsemble e = s.ensemble();
        List<Double> weights = new ArrayList<>();
        for (double[] perClass : e.weights()) {
          weights.add(perClass[0]);
        }
        long params =
            candidates.stream()
                .filter(c -> e.members().contains(c.key()))
                .mapToLong(EnsembleSelection.Candidate::params)
                .sum();
        points.add(
            new Point(
                budget,
                params,
                e.members(),
                weights,
                s.path().get(s.bestSteps() - 1).top1(),
                // rows of networks not chosen are left out by the ensemble's own join
                e.figures(t)));
      }
      return points;
    } finally {
      w.unpersist();
      t.unpersist();
    }
  }
}
