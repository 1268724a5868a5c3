package org.moodnas.analysis.ensemble;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A member's made-up logits for a benchmark, generated on the executors: sample s has label s mod
 * classes, each logit a hash of (sample, class, seed) spread over [−4, 4) and the label's raised by
 * 4, so that a member is right about half the time and members disagree.
 */
public final class SyntheticPredictions {

  private SyntheticPredictions() {}

  /** {@code images} rows of {@code sample}, {@code label}, {@code logits} (array&lt;float&gt;). */
  public static Dataset<Row> scored(SparkSession spark, long images, int classes, int seed) {
    int partitions = (int) Math.max(1, images / 2_500);
    return spark
        .range(0, images, 1, partitions)
        .select(
            col("id").as(PredictionsFrame.SAMPLE),
            pmod(col("id"), lit(classes)).cast("int").as(PredictionsFrame.LABEL))
        .withColumn(
            PredictionsFrame.LOGITS,
            expr(
                "transform(sequence(0, "
                    + (classes - 1)
                    + "), c -> CAST(pmod(hash(sample, c, "
                    + seed
                    + "), 2000) / 250.0 - 4 + IF(c = label, 4, 0) AS FLOAT))"));
  }
}
