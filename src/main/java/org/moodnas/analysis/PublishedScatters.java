package org.moodnas.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.AnalysisCharts.Chart;
import org.moodnas.analysis.frames.RunAnalysis;
import org.moodnas.analysis.report.Charts;
import org.moodnas.analysis.report.LabeledPoint;
import org.moodnas.store.ResultColumns;

/**
 * The scatters of one figure against another that tools/analyse_search_logs.py and
 * tools/analyse_train_logs.py draw and our other charts do not (their search front is our {@code
 * search_front}). Every model of the table with both figures is drawn, labelled with its name (the
 * published plots draw a search run's non-dominated trials only, told apart by colour in a legend
 * of ν).
 */
final class PublishedScatters {

  /**
   * One figure against another, as the published plot_columns draws it: x and y as expressions of
   * the result table, their axes logarithmic or not as the published call has them.
   */
  record Scatter(
      String name,
      String script,
      Column x,
      String xLabel,
      boolean logX,
      Column y,
      String yLabel,
      boolean logY) {}

  /**
   * tools/analyse_search_logs.py's and tools/analyse_train_logs.py's scatters that our other charts
   * do not already draw (the search front is {@code search_front}).
   */
  static final List<Scatter> SCATTERS =
      List.of(
          new Scatter(
              "nu_vs_search_acc",
              "analyse_search_logs.py",
              col(ResultColumns.NU),
              "ν",
              true,
              col(ResultColumns.SEARCH_ACC),
              "search accuracy (%)",
              false),
          new Scatter(
              "nu_vs_size",
              "analyse_search_logs.py",
              col(ResultColumns.NU),
              "ν",
              true,
              col(ResultColumns.SIZE_MB),
              "model size (MB of parameters)",
              false),
          new Scatter(
              "search_vs_valid_loss",
              "analyse_train_logs.py",
              col(ResultColumns.SEARCH_CRITERION_LOSS),
              "search cross-entropy loss",
              true,
              col("valid_loss"),
              "validation loss",
              true),
          new Scatter(
              "search_vs_valid_error",
              "analyse_train_logs.py",
              lit(100).minus(col(ResultColumns.SEARCH_ACC)),
              "search error (%)",
              true,
              lit(100).minus(col("valid_acc")),
              "validation error (%)",
              true),
          new Scatter(
              "nu_vs_valid_acc",
              "analyse_train_logs.py",
              col(ResultColumns.NU),
              "ν",
              true,
              col("valid_acc"),
              "validation accuracy (%)",
              false),
          new Scatter(
              "nu_vs_test_acc",
              "analyse_train_logs.py",
              col(ResultColumns.NU),
              "ν",
              true,
              col(ResultColumns.TEST_ACC),
              "test accuracy (%)",
              false));

  private PublishedScatters() {}

  /** The scatters a run's table has data for. */
  static List<Chart> of(RunAnalysis a, String prefix) {
    List<Chart> charts = new ArrayList<>();
    for (Scatter s : SCATTERS) {
      Chart chart = scatter(a, prefix, s);
      if (chart != null) {
        charts.add(chart);
      }
    }
    return charts;
  }

  /**
   * One published scatter of a run's table, every model with both figures labelled with its name;
   * null when no model has both. A model whose figure cannot sit on a logarithmic axis (ν = 0) is
   * left off it, as matplotlib's log axis leaves it, and named in a subtitle.
   */
  private static Chart scatter(RunAnalysis a, String prefix, Scatter s) {
    List<Row> rows =
        a.results()
            .select(
                col(ResultColumns.MODEL_NAME),
                s.x().cast("double").as("x"),
                s.y().cast("double").as("y"))
            .where(col("x").isNotNull().and(col("y").isNotNull()))
            .collectAsList();
    if (rows.isEmpty()) {
      return null;
    }
    List<LabeledPoint> points = new ArrayList<>();
    List<String> off = new ArrayList<>();
    for (Row r : rows) {
      double x = r.getDouble(1);
      double y = r.getDouble(2);
      if ((s.logX() && x <= 0) || (s.logY() && y <= 0)) {
        off.add(r.getString(0));
      } else {
        points.add(new LabeledPoint(r.getString(0), x, y, true));
      }
    }
    String title = a.runId() + ": " + s.yLabel() + " against " + s.xLabel();
    return new Chart(
        prefix + s.name() + ".png",
        capitalized(s.yLabel())
            + " against "
            + s.xLabel()
            + ", every model with both (a plot of "
            + s.script()
            + ")",
        Charts.scatter(
            title,
            s.xLabel() + (s.logX() ? " (log scale)" : ""),
            s.yLabel() + (s.logY() ? " (log scale)" : ""),
            points,
            s.logX(),
            s.logY(),
            off.isEmpty() ? null : "not on the log axis: " + String.join(", ", off)));
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
