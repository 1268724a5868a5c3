package org.moodnas.analysis.ensemble;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * A member's made-up logits for a benchmark, generated on the executors: sample s has label s mod
 * classes, each logit a hash of (sample, class, seed) spread over [−4, 4) and the label's raised by
 * 4, so that a member is right about half the time and members disagree. A Java function makes a
 * row's logits: Spark's higher-order array functions interpret their lambda for every element,
 * which took minutes per member of 50,000 images × 1,000 classes on 2 cores.
 */
public final class SyntheticPredictions {

  private SyntheticPredictions() {}

  /** {@code images} rows of {@code sample}, {@code label}, {@code logits} (array&lt;float&gt;). */
  public static Dataset<Row> scored(SparkSession spark, long images, int classes, int seed) {
    int partitions = (int) Math.max(1, images / 2_500);
    UserDefinedFunction logits =
        udf(
                (UDF3<Long, Integer, Integer, float[]>)
                    (sample, label, s) -> row(sample, label, classes, s),
                DataTypes.createArrayType(DataTypes.FloatType, false))
            .asNonNullable();
    return spark
        .range(0, images, 1, partitions)
        .select(
            col("id").as(PredictionsFrame.SAMPLE),
            pmod(col("id"), lit(classes)).cast("int").as(PredictionsFrame.LABEL))
        .withColumn(
            PredictionsFrame.LOGITS,
            logits.apply(col(PredictionsFrame.SAMPLE), col(PredictionsFrame.LABEL), lit(seed)));
  }

  /** One sample's logits. */
  static float[] row(long sample, int label, int classes, int seed) {
    float[] out = new float[classes];
    for (int c = 0; c < classes; c++) {
      out[c] = uniform(sample, c, seed) * 8 - 4 + (c == label ? 4 : 0);
    }
    return out;
  }

  /** A hash of (sample, class, seed) in [0, 1): SplitMix64's finalizer over their mix. */
  private static float uniform(long sample, int c, int seed) {
    long z = sample * 0x9E3779B97F4A7C15L + c * 0xC2B2AE3D27D4EB4FL + seed * 0x165667B19E3779F9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 40) / (float) (1 << 24);
  }
}
