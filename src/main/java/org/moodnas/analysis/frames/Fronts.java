package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

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
    return rows.join(marked, Profiles.scala("_x", "_y"), "left")
        .withColumnRenamed("_d", "dominated")
        .drop("_x", "_y");
  }

  /**
   * Every published front that the table has figures for, stacked: front, model_name, nu, x_name,
   * x, y_name, y, dominated; by front, then x.
   */
  public static Dataset<Row> of(Dataset<Row> table) {
    Column[] counts =
        PUBLISHED.stream()
            .map(o -> count(when(o.x().isNotNull().and(o.y().isNotNull()), 1)))
            .toArray(Column[]::new);
    Row present =
        table.agg(counts[0], java.util.Arrays.copyOfRange(counts, 1, counts.length)).head();
    Dataset<Row> all = null;
    for (int i = 0; i < PUBLISHED.size(); i++) {
      Objectives o = PUBLISHED.get(i);
      if (present.getLong(i) == 0 && !(all == null && i == PUBLISHED.size() - 1)) {
        continue; // the table has no figures for this front
      }
      Dataset<Row> f =
          mark(table, o.x(), o.y())
              .select(
                  lit(o.name()).as("front"),
                  col("model_name"),
                  col("nu"),
                  lit(o.xLabel()).as("x_name"),
                  o.x().cast("double").as("x"),
                  lit(o.yLabel()).as("y_name"),
                  o.y().cast("double").as("y"),
                  col("dominated"));
      if (present.getLong(i) == 0) {
        f = f.limit(0); // no front at all: an empty frame of the right columns
      }
      all = all == null ? f : all.unionByName(f);
    }
    return all.orderBy(col("front"), col("x").asc_nulls_last(), col("y"));
  }
}
