package org.moodnas.analysis.ensemble;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Ensemble selection (Caruana et al., "Ensemble selection from libraries of models", 2004): from an
 * empty ensemble, each step adds the candidate — one already in it included (selection with
 * replacement) — whose addition gives the highest top-1 on the weighing frame, among those that
 * keep the members' total parameters (each distinct network counted once) within the budget; ties
 * go to the candidate adding fewer parameters, then to the earlier one. After a fixed number of
 * steps the best ensemble along the path (the first, on ties) is kept: a network chosen k times
 * weighs k.
 *
 * <p>DataFrame work: each step joins the running per-sample sums of min–max scaled logits with
 * every admissible candidate's scaled logits and counts hits per candidate; only those counts reach
 * the driver.
 */
public final class EnsembleSelection {

  /** A network that may join: its key and parameter count. */
  public record Candidate(MemberKey key, long params) {}

  /** One step: the candidate added, the ensemble's weighing top-1 and total parameters after it. */
  public record Step(MemberKey added, double top1, long params) {}

  /**
   * The selected ensemble (its distinct members in candidate order, weights: times chosen over the
   * most chosen) and every step of the path.
   */
  public record Selection(WeightedEnsemble ensemble, List<Step> path, int bestSteps) {}

  private final List<Candidate> candidates;
  private final long budget;
  private final int steps;

  /** The steps of a selection among {@code candidates} networks: twice as many, at least 10. */
  public static int steps(int candidates) {
    return Math.max(10, 2 * candidates);
  }

  /** {@code budget}: most parameters of the ensemble ({@link Long#MAX_VALUE}: none). */
  public EnsembleSelection(List<Candidate> candidates, long budget, int steps) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("ensemble selection needs at least one candidate");
    }
    this.candidates = List.copyOf(candidates);
    this.budget = budget;
    this.steps = steps;
    long smallest = candidates.stream().mapToLong(Candidate::params).min().orElseThrow();
    if (smallest > budget) {
      throw new IllegalArgumentException(
          "no candidate fits within " + budget + " parameters (the smallest has " + smallest + ")");
    }
  }

  /** Selects on {@code weighing}, a predictions frame of the candidates. */
  public Selection select(Dataset<Row> weighing) {
    List<MemberKey> keys = candidates.stream().map(Candidate::key).toList();
    Dataset<Row> scaled =
        PredictionsFrame.indexed(weighing, keys, null, null, null)
            .select(
                col(PredictionsFrame.M),
                col(PredictionsFrame.SAMPLE),
                col(PredictionsFrame.LABEL).cast("int").as(PredictionsFrame.LABEL),
                expr("transform(logits, x -> IF(array_max(logits) > array_min(logits),"
                        + " (CAST(x AS DOUBLE) - array_min(logits)) / (CAST(array_max(logits)"
                        + " AS DOUBLE) - array_min(logits)), 0D))")
                    .as("scaled"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return select(scaled, PredictionsFrame.classes(weighing));
    } finally {
      scaled.unpersist();
    }
  }

  private Selection select(Dataset<Row> scaled, int classes) {
    int[] counts = new int[candidates.size()];
    int[] best = null;
    double bestTop1 = -1;
    int bestSteps = 0;
    List<Step> path = new ArrayList<>();
    Dataset<Row> sums = null;
    for (int step = 1; step <= steps; step++) {
      long inUse = params(counts);
      List<Integer> admissible = new ArrayList<>();
      for (int m = 0; m < candidates.size(); m++) {
        if (inUse + added(counts, m) <= budget) {
          admissible.add(m);
        }
      }
      double[] top1 = top1(scaled, sums, admissible);
      int chosen = admissible.get(0);
      for (int m : admissible) {
        if (top1[m] > top1[chosen]
            || (top1[m] == top1[chosen] && added(counts, m) < added(counts, chosen))) {
          chosen = m;
        }
      }
      counts[chosen]++;
      sums = add(scaled, sums, chosen);
      path.add(new Step(candidates.get(chosen).key(), top1[chosen], params(counts)));
      if (top1[chosen] > bestTop1) {
        bestTop1 = top1[chosen];
        best = counts.clone();
        bestSteps = step;
      }
    }
    return new Selection(ensemble(best, classes), path, bestSteps);
  }

  /** Top-1 of the running sums plus each admissible candidate (NaN for the others). */
  private static double[] top1(Dataset<Row> scaled, Dataset<Row> sums, List<Integer> admissible) {
    Dataset<Row> c = scaled.where(col(PredictionsFrame.M).isin(admissible.toArray()));
    Dataset<Row> total =
        sums == null
            ? c.withColumn("total", col("scaled"))
            : c.join(sums, PredictionsFrame.SAMPLE)
                .withColumn("total", expr("zip_with(sum, scaled, (a, b) -> a + b)"));
    List<Row> rows =
        total
            .withColumn(
                "hit",
                expr(
                    "IF(size(filter(total, (x, i) -> x > element_at(total, label + 1) OR (x ="
                        + " element_at(total, label + 1) AND i < label))) = 0, 1D, 0D)"))
            .groupBy(PredictionsFrame.M)
            .agg(avg("hit"))
            .collectAsList();
    double[] out = new double[admissible.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
    Arrays.fill(out, Double.NaN);
    for (Row r : rows) {
      out[r.getInt(0)] = r.getDouble(1);
    }
    return out;
  }

  /** The running sums with candidate {@code m}'s scaled logits added, computed and kept. */
  private static Dataset<Row> add(Dataset<Row> scaled, Dataset<Row> sums, int m) {
    Dataset<Row> c = scaled.where(col(PredictionsFrame.M).equalTo(m));
    Dataset<Row> next =
        sums == null
            ? c.select(col(PredictionsFrame.SAMPLE), col("scaled").as("sum"))
            : sums.join(c, PredictionsFrame.SAMPLE)
                .select(
                    col(PredictionsFrame.SAMPLE),
                    expr("zip_with(sum, scaled, (a, b) -> a + b)").as("sum"));
    // Cuts the lineage, which would otherwise grow by a join per step.
    return next.localCheckpoint();
  }

  private long added(int[] counts, int m) {
    return counts[m] > 0 ? 0 : candidates.get(m).params();
  }

  private long params(int[] counts) {
    long sum = 0;
    for (int m = 0; m < counts.length; m++) {
      sum += counts[m] > 0 ? candidates.get(m).params() : 0;
    }
    return sum;
  }

  private WeightedEnsemble ensemble(int[] counts, int classes) {
    int most = Arrays.stream(counts).max().orElseThrow();
    List<MemberKey> members = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    for (int m = 0; m < counts.length; m++) {
      if (counts[m] > 0) {
        members.add(candidates.get(m).key());
        double[] w = new double[classes];
        Arrays.fill(w, (double) counts[m] / most);
        weights.add(w);
      }
    }
    return new WeightedEnsemble(members, weights.toArray(double[][]::new), false);
  }
}
