package org.moodnas.analysis.ensemble;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * An ensemble with its weights (the model {@link EnsembleWeighing} fits) as a transform of a
 * predictions frame: each member's logits min–max scaled per sample (a constant row scales to 0,
 * where ensemble.py's division would give NaN), multiplied by the member's weights, divided by the
 * number of members and summed in member order; the true class's rank (ties: lower class index
 * first); and each member's cross-entropy. Higher-order array functions on the executors; only the
 * final figures reach the driver.
 *
 * @param weights weights[member][class], in the order of {@code members}
 * @param uniformFallback whether the weights fell back to uniform because every score was 0
 */
public record WeightedEnsemble(
    List<MemberKey> members, double[][] weights, boolean uniformFallback) {

  /** What the ensemble scored on a frame: top-1, top-5, the members' mean loss, the samples. */
  public record Figures(double top1, double top5, double loss, long samples) {}

  public WeightedEnsemble {
    members = List.copyOf(members);
    if (weights.length != members.size()) {
      throw new IllegalArgumentException(
          weights.length + " rows of weights for " + members.size() + " members");
    }
  }

  /**
   * One row per sample: {@code sample}, {@code label}, {@code members} (how many scored it), {@code
   * scores} (array&lt;double&gt;, the weighted mean of the scaled logits), {@code rank} (classes
   * ranked above the label) and {@code loss} (the sum of the members' cross-entropies).
   */
  public Dataset<Row> transform(Dataset<Row> frame) {
    List<double[]> rows = Arrays.asList(weights);
    Dataset<Row> scaled =
        PredictionsFrame.indexed(
                frame, members, "w", DataTypes.createArrayType(DataTypes.DoubleType, false), rows)
            .select(
                col(PredictionsFrame.M),
                col(PredictionsFrame.SAMPLE),
                col(PredictionsFrame.LABEL).cast("int").as(PredictionsFrame.LABEL),
                col(PredictionsFrame.LOGITS),
                col("w"),
                expr("CAST(array_min(logits) AS DOUBLE)").as("lo"),
                expr("CAST(array_max(logits) AS DOUBLE)").as("hi"))
            .select(
                col(PredictionsFrame.M),
                col(PredictionsFrame.SAMPLE),
                col(PredictionsFrame.LABEL),
                // (x − min) / (max − min) · w / members, in the driver path's order of operations
                expr("zip_with(logits, w, (x, v) -> IF(hi > lo, (CAST(x AS DOUBLE) - lo) / (hi"
                        + " - lo), 0D) * v / "
                        + members.size()
                        + ")")
                    .as("part"),
                // log Σ exp(x − max) + max − x[label]
                expr("ln(aggregate(logits, 0D, (z, x) -> z + exp(CAST(x AS DOUBLE) - hi))) + hi"
                        + " - CAST(element_at(logits, label + 1) AS DOUBLE)")
                    .as("loss"));
    return scaled
        .groupBy(PredictionsFrame.SAMPLE, PredictionsFrame.LABEL)
        .agg(
            sort_array(collect_list(struct(col(PredictionsFrame.M), col("part")))).as("parts"),
            sum("loss").as("loss"))
        .select(
            col(PredictionsFrame.SAMPLE),
            col(PredictionsFrame.LABEL),
            expr("size(parts)").as("members"),
            expr("aggregate(parts, array_repeat(0D, size(parts[0].part)), (acc, p) ->"
                    + " zip_with(acc, p.part, (a, b) -> a + b))")
                .as("scores"),
            col("loss"))
        .withColumn(
            "rank",
            expr(
                "size(filter(scores, (x, i) -> x > element_at(scores, label + 1) OR (x ="
                    + " element_at(scores, label + 1) AND i < label)))"));
  }

  /**
   * Top-1, top-5 and the members' mean cross-entropy on {@code frame}. Every member must have
   * scored every sample with the same label and classes: a gap is an error, not a smaller ensemble.
   */
  public Figures figures(Dataset<Row> frame) {
    int models = members.size();
    Row r =
        transform(frame)
            .agg(
                count(lit(1)),
                sum(when(col("rank").lt(1), 1).otherwise(0)),
                sum(when(col("rank").lt(5), 1).otherwise(0)),
                sum(col("loss")),
                sum(when(col("members").notEqual(models), 1).otherwise(0)),
                sum(when(expr("exists(scores, x -> x IS NULL)"), 1).otherwise(0)))
            .first();
    long n = r.getLong(0);
    if (n == 0) {
      throw new IllegalArgumentException("the predictions frame has no rows of " + members);
    }
    if (r.getLong(4) > 0 || r.getLong(5) > 0) {
      throw new IllegalArgumentException(
          r.getLong(4)
              + " of "
              + n
              + " samples lack a member's scores or disagree on their label, "
              + r.getLong(5)
              + " on the number of classes: the members of "
              + members
              + " must score the same samples");
    }
    return new Figures(
        (double) r.getLong(1) / n,
        (double) r.getLong(2) / n,
        r.getDouble(3) / ((double) n * models),
        n);
  }
}
