package org.moodnas.analysis;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.frames.PairwiseSpearman;
import org.moodnas.analysis.frames.RunAnalysis;
import org.moodnas.analysis.report.Charts;
import org.moodnas.analysis.report.LabeledPoint;

/**
 * The charts of an analysis. Each chart's file name is spelt here and nowhere else: the report
 * places the {@link Chart}s it is handed, it never looks one up by name. A chart without data is
 * not drawn (its field null, or absent from its list).
 */
final class AnalysisCharts {

  /** One chart: the file it is written to, its caption in the report, and its PNG bytes. */
  record Chart(String file, String caption, byte[] png) {}

  /**
   * The charts of one run's table, by where the report shows them.
   *
   * @param searchFront the search's two objectives, or null
   * @param costs test accuracy against each cost
   * @param published the published analysis's scatters of one figure against another
   * @param correlations our signed Spearman matrix, or null
   * @param publishedCorrelations the published absolute pairwise matrix, or null
   */
  record RunCharts(
      Chart searchFront,
      List<Chart> costs,
      List<Chart> published,
      Chart correlations,
      Chart publishedCorrelations) {

    List<Chart> all() {
      List<Chart> all = new ArrayList<>();
      Stream.of(searchFront).filter(c -> c != null).forEach(all::add);
      all.addAll(costs);
      all.addAll(published);
      Stream.of(correlations, publishedCorrelations).filter(c -> c != null).forEach(all::add);
      return all;
    }
  }

  /**
   * Every chart of an analysis: per run (runs.get(i) of the analysis's i-th run), the training
   * curves and the front of ensembles (null when not analysed).
   */
  record Drawn(List<RunCharts> runs, List<Chart> curves, Chart ensembleFront) {

    List<Chart> all() {
      List<Chart> all = new ArrayList<>();
      runs.forEach(r -> all.addAll(r.all()));
      all.addAll(curves);
      Stream.of(ensembleFront).filter(c -> c != null).forEach(all::add);
      return all;
    }
  }

  /** A cost axis: its front, axis label and the divisor that gives the label's unit. */
  private record Cost(String front, String axis, double unit) {}

  private static final List<Cost> COSTS =
      List.of(
          new Cost("params", "parameters (millions)", 1e6),
          new Cost("flops", "FLOPs (millions of multiply-accumulates per image)", 1e6),
          new Cost("latency_gpu", "GPU latency (ms per forward pass)", 1),
          new Cost("latency_cpu", "CPU latency (ms per forward pass)", 1));

  private AnalysisCharts() {}

  /** Every chart of the analysis. */
  static Drawn of(AnalysisJob.Analysed a) {
    List<RunCharts> runs = a.runs().stream().map(AnalysisCharts::of).toList();
    return new Drawn(
        runs,
        TrainingCurves.charts(a.epochs()),
        a.ensembleFront() == null
            ? null
            : TrainRunEnsembleFront.chart(a.train().runId(), a.ensembleFront()));
  }

  static RunCharts of(RunAnalysis a) {
    String p = a.kind() + "_";
    Chart searchFront = searchFront(a, p);
    List<Chart> costs = costs(a, p);
    List<Chart> published = PublishedScatters.of(a, p);
    Chart correlations = null;
    if (a.spearman().names().size() >= 2) {
      correlations =
          new Chart(
              p + "correlations.png",
              "Spearman correlation heat map (signed, models with every figure)",
              Charts.heatMap(
                  a.runId() + ": Spearman correlation (" + a.spearman().rowsUsed() + " models)",
                  a.spearman().names(),
                  a.spearman().values()));
    }
    Chart publishedCorrelations = null;
    PairwiseSpearman ps = a.publishedSpearman();
    if (ps.names().size() >= 2) {
      publishedCorrelations =
          new Chart(
              p + "correlations_published.png",
              "Absolute Spearman rank correlation, each pair over the models with both figures"
                  + " (the published analysis's matrix)",
              Charts.heatMap(
                  a.runId() + ": absolute Spearman rank correlation (pairwise)",
                  ps.names(),
                  ps.values()));
    }
    return new RunCharts(searchFront, costs, published, correlations, publishedCorrelations);
  }

  /** The search's two objectives, every trial, the front joined; null without a search front. */
  private static Chart searchFront(RunAnalysis a, String p) {
    List<Row> search = front(a, "search");
    if (!search.isEmpty()) {
      List<LabeledPoint> points = new ArrayList<>();
      for (Row r : search) {
        String label = r.isNullAt(2) ? r.getString(1) : String.format("ν=%.3g", r.getDouble(2));
        points.add(new LabeledPoint(label, r.getDouble(4), r.getDouble(6), !r.getBoolean(7)));
      }
      return new Chart(
          p + "search_front.png",
          "Search front: regularization against cross-entropy",
          Charts.front(
              a.runId() + ": search front (" + points.size() + " trials)",
              "regularization loss (search, last epoch)",
              "cross-entropy loss (search, last epoch)",
              points,
              true,
              false));
    }
    return null;
  }

  /** Test accuracy against each cost the table has. */
  private static List<Chart> costs(RunAnalysis a, String p) {
    List<Chart> costs = new ArrayList<>();
    for (Cost c : COSTS) {
      List<Row> rows = front(a, c.front());
      if (rows.isEmpty()) {
        continue;
      }
      List<LabeledPoint> points = new ArrayList<>();
      for (Row r : rows) {
        boolean onFront = !r.getBoolean(7);
        // only the front is named: the dominated crowd would bury the names in each other
        points.add(
            new LabeledPoint(
                onFront ? r.getString(1) : "",
                r.getDouble(4) / c.unit(),
                100 - r.getDouble(6),
                onFront));
      }
      costs.add(
          new Chart(
              p + "accuracy_vs_" + c.front() + ".png",
              "Test accuracy against " + c.front(),
              Charts.front(
                  a.runId() + ": test accuracy against " + c.axis().replaceFirst(" \\(.*", ""),
                  c.axis(),
                  "test accuracy (%)",
                  points,
                  true,
                  false)));
    }
    return costs;
  }

  /**
   * The rows of one front with both objectives (front, model_name, nu, x_name, x, y_name, y,
   * dominated).
   */
  private static List<Row> front(RunAnalysis a, String name) {
    return a.fronts()
        .where(col("front").equalTo(name).and(col("dominated").isNotNull()))
        .collectAsList();
  }
}
