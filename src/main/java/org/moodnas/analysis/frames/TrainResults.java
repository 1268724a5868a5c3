package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.store.ResultColumns;

/**
 * The result table of a train run, as the published evaluation tables: one row per genotype trained
 * from scratch, with the last epoch's losses and accuracies (top-5 too where recorded), the figures
 * of the search trial that found it (same search run, ν and genotype) and its cost at the setting
 * it was trained at.
 */
public final class TrainResults {

  private TrainResults() {}

  /**
   * @param evaluations {@code eval_trials}
   * @param searchTrials {@code search_trials}
   * @param profiles {@code profiles}
   * @param runId the train run
   */
  public static Dataset<Row> of(
      Dataset<Row> evaluations, Dataset<Row> searchTrials, Dataset<Row> profiles, String runId) {
    Dataset<Row> e =
        evaluations
            .where(col("run_id").equalTo(runId))
            .withColumn("genotype_hash", ProfileSummaries.hash(col("genotype")))
            .withColumn("classes", classes(col("dataset")));
    Dataset<Row> s =
        searchTrials
            .where(col("status").equalTo("ok"))
            .select(
                col("run_id").as("_source"),
                col("reg_weight").as("_nu"),
                ProfileSummaries.hash(col("genotype")).as("_hash"),
                col("criterion_loss").as("search_criterion_loss"),
                col("reg_loss").as("search_reg_loss"),
                col("train_acc").multiply(100).as("search_train_acc"),
                col("valid_acc").multiply(100).as("search_acc"))
            .dropDuplicates("_source", "_nu", "_hash");
    Dataset<Row> t =
        e.join(
                s,
                col("source_run_id")
                    .equalTo(col("_source"))
                    .and(col("reg_weight").equalTo(col("_nu")))
                    .and(col("genotype_hash").equalTo(col("_hash"))),
                "left")
            .join(
                ProfileSummaries.summary(profiles).withColumnRenamed("params", "_profiled_params"),
                ProfileSummaries.scala(ProfileSummaries.SETTING),
                "left");
    return ResultColumns.conform(
        t.orderBy(col("arch"))
            .select(
                col("run_id"),
                lit("train").as("kind"),
                col("arch").as("model_name"),
                col("reg_weight").as("nu"),
                coalesce(col("param_size_mb"), col("_profiled_params").divide(1e6)).as("size_mb"),
                col("train_loss"),
                col("train_acc").multiply(100).as("train_acc"),
                col("valid_loss"),
                col("valid_acc").multiply(100).as("valid_acc"),
                col("valid_top5").multiply(100).as("valid_top5"),
                col("test_loss"),
                col("test_acc").multiply(100).as("test_acc"),
                col("test_top5").multiply(100).as("test_top5"),
                col("search_train_acc"),
                col("search_criterion_loss"),
                col("search_reg_loss"),
                col("search_acc"),
                coalesce(col("params"), col("_profiled_params")).as("params"),
                col("params_with_aux"),
                col("flops"),
                col("latency_gpu_ms"),
                col("latency_cpu_ms"),
                col("genotype_hash"),
                col("status"),
                missing().as("missing")));
  }

  /** What a row lacks, or null. */
  private static Column missing() {
    return Missing.of(
        when(
            col("status").equalTo("failed"),
            concat(lit("evaluation failed: "), coalesce(col("error"), lit("?")))),
        when(col("source_run_id").isNotNull().and(col("_source").isNull()), "no search trial"),
        when(col("flops").isNull(), "no profile"),
        Missing.noLatency(col("flops")));
  }

  /** The classes of a dataset's network. */
  static Column classes(Column dataset) {
    return when(dataset.equalTo("cifar100"), 100)
        .when(dataset.equalTo("imagenet"), 1000)
        .otherwise(10);
  }
}
