package org.moodnas.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.frames.RunAnalysis;
import org.moodnas.analysis.report.Charts;
import org.moodnas.analysis.report.LabeledPoint;

/** The charts of an analysis, by file name (PNG bytes); a chart without data is left out. */
final class AnalysisCharts {

  /** A cost axis: its front, axis label and the divisor that gives the label's unit. */
  private record Cost(String front, String axis, double unit) {}

  private static final List<Cost> COSTS =
      List.of(
          new Cost("params", "parameters (millions)", 1e6),
          new Cost("flops", "FLOPs (millions of multiply-accumulates per image)", 1e6),
          new Cost("latency_gpu", "GPU latency (ms per forward pass)", 1),
          new Cost("latency_cpu", "CPU latency (ms per forward pass)", 1));

  private AnalysisCharts() {}

  static Map<String, byte[]> of(RunAnalysis a) {
    Map<String, byte[]> charts = new LinkedHashMap<>();
    String p = a.kind() + "_";
    List<Row> search = front(a, "search");
    if (!search.isEmpty()) {
      List<LabeledPoint> points = new ArrayList<>();
      for (Row r : search) {
        String label = r.isNullAt(2) ? r.getString(1) : String.format("ν=%.3g", r.getDouble(2));
        points.add(new LabeledPoint(label, r.getDouble(4), r.getDouble(6), !r.getBoolean(7)));
      }
      charts.put(
          p + "search_front.png",
          Charts.front(
              a.runId() + ": search front (" + points.size() + " trials)",
              "regularization loss (search, last epoch)",
              "cross-entropy loss (search, last epoch)",
              points,
              true,
              false));
    }
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
      charts.put(
          p + "accuracy_vs_" + c.front() + ".png",
          Charts.front(
              a.runId() + ": test accuracy against " + c.axis().replaceFirst(" \\(.*", ""),
              c.axis(),
              "test accuracy (%)",
              points,
              true,
              false));
    }
    if (a.spearman().names().size() >= 2) {
      charts.put(
          p + "correlations.png",
          Charts.heatMap(
              a.runId() + ": Spearman correlation (" + a.spearman().rowsUsed() + " models)",
              a.spearman().names(),
              a.spearman().values()));
    }
    return charts;
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

  /** Training curves of a train run: loss and held-out (else training) accuracy per epoch. */
  static Map<String, byte[]> curves(Dataset<Row> epochs) {
    Map<String, byte[]> charts = new LinkedHashMap<>();
    if (epochs == null || epochs.isEmpty()) {
      return charts;
    }
    List<Row> rows = epochs.orderBy("arch", "epoch").collectAsList();
    boolean heldOut = rows.stream().anyMatch(r -> r.getAs("valid_acc") != null);
    String accuracy = heldOut ? "valid_acc" : "train_acc";
    Map<String, List<double[]>> loss = new LinkedHashMap<>();
    Map<String, List<double[]>> acc = new LinkedHashMap<>();
    for (Row r : rows) {
      String arch = r.getAs("arch");
      double epoch = r.<Integer>getAs("epoch") + 1;
      loss.computeIfAbsent(arch, k -> new ArrayList<>())
          .add(new double[] {epoch, value(r, "train_loss", 1)});
      acc.computeIfAbsent(arch, k -> new ArrayList<>())
          .add(new double[] {epoch, value(r, accuracy, 100)});
    }
    charts.put(
        "training_loss.png",
        Charts.curves("Training loss per epoch", "epoch", "training loss (cross-entropy)", loss));
    charts.put(
        "training_accuracy.png",
        Charts.curves(
            (heldOut ? "Held-out" : "Training") + " accuracy per epoch",
            "epoch",
            (heldOut ? "held-out" : "training") + " accuracy (%)",
            acc));
    return charts;
  }

  private static double value(Row r, String column, double scale) {
    Object v = r.getAs(column);
    return v == null ? Double.NaN : ((Number) v).doubleValue() * scale;
  }
}
