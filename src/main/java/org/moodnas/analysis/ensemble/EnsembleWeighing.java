package org.moodnas.analysis.ensemble;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.core.EnsembleMode;

/**
 * Fits the members' weights on a predictions frame (the estimator of {@link WeightedEnsemble}), by
 * ensemble.py's rule with utils.py's scores: all ones (uniform); else a member scores one for each
 * sample it classifies correctly (its first highest logit is the label) among the samples that not
 * every member gets right — per member from zero (score_per_model), per member and true class from
 * one (ensemble.py adds a ones matrix in that mode only) — and the scores are divided by their
 * maximum per class. Where ensemble.py would divide zero by zero (no member wins any contested
 * sample: a single member, identical ones), the weights fall back to uniform and say so.
 *
 * <p>The scoring is a DataFrame job: each row's hit, then per sample the members that hit, then per
 * (member, class) the wins; only those counts (members × classes at most) reach the driver.
 */
public final class EnsembleWeighing {

  private final List<MemberKey> members;
  private final EnsembleMode mode;

  public EnsembleWeighing(List<MemberKey> members, EnsembleMode mode) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    if (mode == EnsembleMode.GREEDY) {
      throw new IllegalArgumentException("greedy weights come from EnsembleSelection");
    }
    this.members = List.copyOf(members);
    this.mode = mode;
  }

  /** The weights of the members on {@code frame}, and the ensemble that applies them. */
  public WeightedEnsemble fit(Dataset<Row> frame) {
    int classes = PredictionsFrame.classes(frame);
    int models = members.size();
    double[][] w = new double[models][classes];
    if (mode != EnsembleMode.PER_MODEL) {
      for (double[] row : w) {
        Arrays.fill(row, 1);
      }
    }
    if (mode == EnsembleMode.UNIFORM) {
      return new WeightedEnsemble(members, w, false);
    }
    for (Row r : wins(frame).collectAsList()) {
      int m = r.getInt(0);
      int label = r.getInt(1);
      long n = r.getLong(2);
      if (mode == EnsembleMode.PER_CLASS) {
        w[m][label] += n;
      } else {
        for (int c = 0; c < classes; c++) {
          w[m][c] += n;
        }
      }
    }
    boolean fallback = EnsembleWeights.divideByClassMaximum(w);
    return new WeightedEnsemble(members, w, fallback);
  }

  /**
   * (m, label, wins): how many contested samples of each true class member m classified correctly.
   * torch's argmax, like array_position of the maximum, takes the first of equal maxima.
   */
  private Dataset<Row> wins(Dataset<Row> frame) {
    Dataset<Row> hits =
        PredictionsFrame.indexed(frame, members, null, null, null)
            .select(
                col(PredictionsFrame.M),
                col(PredictionsFrame.SAMPLE),
                col(PredictionsFrame.LABEL),
                expr("array_position(logits, array_max(logits)) - 1 = label").as("hit"));
    return hits.groupBy(PredictionsFrame.SAMPLE, PredictionsFrame.LABEL)
        .agg(
            count(lit(1)).as("scored"),
            collect_list(when(col("hit"), col(PredictionsFrame.M))).as("winners"))
        .where(size(col("winners")).lt(col("scored")))
        .select(explode(col("winners")).as(PredictionsFrame.M), col(PredictionsFrame.LABEL))
        .groupBy(PredictionsFrame.M, PredictionsFrame.LABEL)
        .count();
  }
}
