package org.moodnas.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.report.Charts;

/** The learning curves of a train run's genotypes, as the report draws them. */
final class TrainingCurves {

  private TrainingCurves() {}

  /**
   * Training curves of a train run: loss and held-out (else training) accuracy per epoch, and the
   * top-5 accuracy where the epochs record it (held-out, else test).
   */
  static List<AnalysisCharts.Chart> charts(Dataset<Row> epochs) {
    List<AnalysisCharts.Chart> charts = new ArrayList<>();
    if (epochs == null || epochs.isEmpty()) {
      return charts;
    }
    List<Row> rows = epochs.orderBy("arch", "epoch").collectAsList();
    boolean heldOut = rows.stream().anyMatch(r -> r.getAs("valid_acc") != null);
    String accuracy = heldOut ? "valid_acc" : "train_acc";
    String top5 =
        rows.stream().anyMatch(r -> r.getAs("valid_top5") != null)
            ? "valid_top5"
            : rows.stream().anyMatch(r -> r.getAs("test_top5") != null) ? "test_top5" : null;
    Map<String, List<double[]>> loss = new LinkedHashMap<>();
    Map<String, List<double[]>> acc = new LinkedHashMap<>();
    Map<String, List<double[]>> acc5 = new LinkedHashMap<>();
    for (Row r : rows) {
      String arch = r.getAs("arch");
      double epoch = r.<Integer>getAs("epoch") + 1;
      loss.computeIfAbsent(arch, k -> new ArrayList<>())
          .add(new double[] {epoch, value(r, "train_loss", 1)});
      acc.computeIfAbsent(arch, k -> new ArrayList<>())
          .add(new double[] {epoch, value(r, accuracy, 100)});
      if (top5 != null) {
        acc5.computeIfAbsent(arch, k -> new ArrayList<>())
            .add(new double[] {epoch, value(r, top5, 100)});
      }
    }
    charts.add(
        new AnalysisCharts.Chart(
            "training_loss.png",
            "Training loss per epoch and genotype",
            Charts.curves(
                "Training loss per epoch", "epoch", "training loss (cross-entropy)", loss)));
    charts.add(
        new AnalysisCharts.Chart(
            "training_accuracy.png",
            "Accuracy per epoch and genotype",
            Charts.curves(
                (heldOut ? "Held-out" : "Training") + " accuracy per epoch",
                "epoch",
                (heldOut ? "held-out" : "training") + " accuracy (%)",
                acc)));
    if (top5 != null) {
      String which = top5.equals("valid_top5") ? "held-out" : "test";
      charts.add(
          new AnalysisCharts.Chart(
              "training_top5.png",
              "Top-5 " + which + " accuracy per epoch and genotype",
              Charts.curves(
                  "Top-5 " + which + " accuracy per epoch",
                  "epoch",
                  "top-5 " + which + " accuracy (%)",
                  acc5)));
    }
    return charts;
  }

  private static double value(Row r, String column, double scale) {
    Object v = r.getAs(column);
    return v == null ? Double.NaN : ((Number) v).doubleValue() * scale;
  }
}
