package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.moodnas.space.GenotypeNames;
import org.moodnas.store.ResultColumns;

/**
 * The result table of a search run, in the columns of the published search tables: one row per
 * trial (the published tables keep only the non-dominated ones), named by its ν among all trials of
 * the run as multiobjective.py names them, with the search's accuracy and losses and the cost of
 * the genotype it found at its dataset's evaluation setting (36 channels and 20 cells; ImageNet: 48
 * and 14); with a train run, also the test accuracy (and top-5, where recorded) its evaluation
 * reached there.
 */
public final class SearchResults {

  private SearchResults() {}

  /**
   * @param trials {@code search_trials}
   * @param profiles {@code profiles}
   * @param runId the search run
   * @param initChannels width of the evaluation network its genotypes are costed at
   * @param layers its cells
   * @param classes its classes
   * @param evaluations {@code eval_trials} of a train run of its genotypes, or null
   */
  public static Dataset<Row> of(
      Dataset<Row> trials,
      Dataset<Row> profiles,
      String runId,
      int initChannels,
      int layers,
      int classes,
      Dataset<Row> evaluations) {
    Dataset<Row> run =
        trials
            .where(col("run_id").equalTo(runId))
            .withColumn("genotype_hash", ProfileSummaries.hash(col("genotype")))
            .withColumn("init_channels", lit(initChannels))
            .withColumn("layers", lit(layers))
            .withColumn("classes", lit(classes));
    Dataset<Row> t =
        run.join(names(run), ProfileSummaries.scala("reg_weight"), "left")
            .join(
                ProfileSummaries.summary(profiles),
                ProfileSummaries.scala(ProfileSummaries.SETTING),
                "left");
    Column tested = lit(null).cast(DataTypes.DoubleType);
    Column testedTop5 = tested;
    Column notEvaluated = lit(null).cast(DataTypes.StringType);
    if (evaluations != null) {
      t = t.join(tested(evaluations), ProfileSummaries.scala("genotype_hash"), "left");
      tested = col("_test_acc");
      testedTop5 = col("_test_top5");
      notEvaluated =
          when(col("status").equalTo("ok").and(col("_test_acc").isNull()), "not evaluated");
    }
    return ResultColumns.conform(
        t.orderBy(col("trial_index"))
            .select(
                col("run_id"),
                lit("search").as("kind"),
                col("_name").as("model_name"),
                col("reg_weight").as("nu"),
                col("model_size_mb").as("size_mb"),
                nothing("train_loss"),
                nothing("train_acc"),
                nothing("valid_loss"),
                nothing("valid_acc"),
                nothing("valid_top5"),
                nothing("test_loss"),
                tested.as("test_acc"),
                testedTop5.as("test_top5"),
                col("train_acc").multiply(100).as("search_train_acc"),
                col("criterion_loss").as("search_criterion_loss"),
                col("reg_loss").as("search_reg_loss"),
                col("valid_acc").multiply(100).as("search_acc"),
                col("params"),
                col("params_with_aux"),
                col("flops"),
                col("latency_gpu_ms"),
                col("latency_cpu_ms"),
                col("genotype_hash"),
                col("status"),
                missing(notEvaluated).as("missing")));
  }

  /** What a row lacks, or null. */
  private static Column missing(Column notEvaluated) {
    return Missing.of(
        when(col("status").equalTo("failed"), concat(lit("search failed: "), col("error"))),
        when(col("status").equalTo("ok").and(col("params").isNull()), "no profile"),
        Missing.noLatency(col("params")),
        notEvaluated);
  }

  static Column nothing(String name) {
    return lit(null).cast(DataTypes.DoubleType).as(name);
  }

  /** reg_weight → the published name of the trial, from every ν of the run. */
  private static Dataset<Row> names(Dataset<Row> run) {
    List<Row> weights = run.select("objective", "reg_weight").distinct().collectAsList();
    List<Double> nus = weights.stream().map(r -> r.getDouble(1)).toList();
    List<Row> rows = new ArrayList<>();
    if (!weights.isEmpty()) {
      List<String> names = GenotypeNames.names(weights.get(0).getString(0), nus);
      for (int i = 0; i < nus.size(); i++) {
        rows.add(org.apache.spark.sql.RowFactory.create(nus.get(i), names.get(i)));
      }
    }
    StructType schema =
        new StructType()
            .add("reg_weight", DataTypes.DoubleType, false)
            .add("_name", DataTypes.StringType, false);
    return SparkSession.active().createDataFrame(rows, schema);
  }

  /**
   * The best test accuracy (percent) any successful evaluation of a genotype reached, top-1 and
   * top-5 (each its own best; null where not recorded).
   */
  private static Dataset<Row> tested(Dataset<Row> evaluations) {
    return evaluations
        .where(col("status").equalTo("ok"))
        .groupBy(ProfileSummaries.hash(col("genotype")).as("genotype_hash"))
        .agg(
            org.apache.spark.sql.functions.max(col("test_acc").multiply(100)).as("_test_acc"),
            org.apache.spark.sql.functions.max(col("test_top5").multiply(100)).as("_test_top5"));
  }
}
