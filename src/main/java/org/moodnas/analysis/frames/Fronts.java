package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pareto fronts as transforms: every row kept, marked dominated when another row is at least as
 * good in both objectives and better in one (both minimized). A row missing either objective is
 * neither: its mark is null.
 */
public final class Fronts {

  /** One front of a result table: its name and its two objectives, as expressions to minimize. */
  public record Objectives(String name, String xLabel, Column x, String yLabel, Column y) {}

  /** The fronts of the published analysis: test error against each cost, and the search's. */
  public static final List<Objectives> PUBLISHED =
      List.of(
          new Objectives(
              "search",
              "search_reg_loss",
              col("search_reg_loss"),
              "search_criterion_loss",
              col("search_criterion_loss")),
          new Objectives("params", "params", col("params"), "test_error", testError()),
          new Objectives("flops", "flops", col("flops"), "test_error", testError()),
          new Objectives(
              "latency_gpu", "latency_gpu_ms", col("latency_gpu_ms"), "test_error", testError()),
          new Objectives(
              "latency_cpu", "latency_cpu_ms", col("latency_cpu_ms"), "test_error", testError()));

  private Fronts() {}

  /** 100 − test accuracy (%). */
  public static Column testError() {
    return lit(100).minus(col("test_acc"));
  }

  /**
   * {@code table} with a boolean column {@code dominated} for objectives x and y (row order not
   * kept): true when another point is no worse in both and better in one.
   */
  public static Dataset<Row> mark(Dataset<Row> table, Column x, Column y) {
    Dataset<Row> rows = table.withColumn("_x", x.cast("double")).withColumn("_y", y.cast("double"));
    // distinct points, compared pairwise: equal points do not dominate each other
    Dataset<Row> points =
        rows.where(col("_x").isNotNull().and(col("_y").isNotNull())).select("_x", "_y").distinct();
    Dataset<Row> others = points.select(col("_x").as("_ox"), col("_y").as("_oy"));
    Column beats =
        col("_ox")
            .leq(col("_x"))
            .and(col("_oy").leq(col("_y")))
            .and(col("_ox").lt(col("_x")).or(col("_oy").lt(col("_y"))));
    Dataset<Row> marked =
        points
            .join(others, beats, "left")
            .groupBy("_x", "_y")
            .agg(count(col("_ox")).gt(0).as("_d"));
    return rows.join(marked, ProfileSummaries.scala("_x", "_y"), "left")
        .withColumnRenamed("_d", "dominated")
        .drop("_x", "_y");
  }

  /**
   * Every published front that the table has figures for, stacked: front, model_name, nu, x_name,
   * x, y_name, y, dominated; by front, then x. All fronts are marked in one pass (one self-join of
   * the distinct points of each front), so the whole is one Spark job.
   */
  public static Dataset<Row> of(Dataset<Row> table) {
    Dataset<Row> stacked = null;
    for (Objectives o : PUBLISHED) {
      Dataset<Row> f =
          table.select(
              lit(o.name()).as("front"),
              col("model_name"),
              col("nu"),
              lit(o.xLabel()).as("x_name"),
              o.x().cast("double").as("x"),
              lit(o.yLabel()).as("y_name"),
              o.y().cast("double").as("y"));
      stacked = stacked == null ? f : stacked.unionByName(f);
    }
    Dataset<Row> points =
        stacked
            .where(col("x").isNotNull().and(col("y").isNotNull()))
            .select("front", "x", "y")
            .distinct();
    Dataset<Row> others =
        points.select(col("front").as("_of"), col("x").as("_ox"), col("y").as("_oy"));
    Column beats =
        col("_of")
            .equalTo(col("front"))
            .and(col("_ox").leq(col("x")))
            .and(col("_oy").leq(col("y")))
            .and(col("_ox").lt(col("x")).or(col("_oy").lt(col("y"))));
    Dataset<Row> marked =
        points
            .join(others, beats, "left")
            .groupBy("front", "x", "y")
            .agg(count(col("_ox")).gt(0).as("dominated"));
    Dataset<Row> all = stacked.join(marked, ProfileSummaries.scala("front", "x", "y"), "left");
    // a front without a single point with both figures is not one of this table's
    Dataset<Row> present = marked.select("front").distinct();
    return all.join(present, ProfileSummaries.scala("front"), "left_semi")
        .select("front", "model_name", "nu", "x_name", "x", "y_name", "y", "dominated")
        .orderBy(col("front"), col("x").asc_nulls_last(), col("y"));
  }
}
