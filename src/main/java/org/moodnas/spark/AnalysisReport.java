package org.moodnas.spark;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.frames.EmptyColumns;
import org.moodnas.analysis.frames.RunAnalysis;
import org.moodnas.analysis.frames.SpearmanMatrix;
import org.moodnas.analysis.report.HtmlReport;
import org.moodnas.store.RunRecord;

/** The one-page HTML report of an analysis: settings, fronts, budgets, tables, charts. */
final class AnalysisReport {

  private AnalysisReport() {}

  static HtmlReport of(AnalysisJob.Analysed a, Map<String, byte[]> charts) {
    HtmlReport r = new HtmlReport("MOOD-NAS analysis: " + title(a));
    r.paragraph(
        "Accuracies in percent, losses as recorded, size in MB of parameters (params / 1e6),"
            + " FLOPs as multiply-accumulates per image; a front keeps every model and marks"
            + " those another model beats in both objectives as dominated.");
    for (RunAnalysis run : a.runs()) {
      section(r, run, charts);
    }
    if (a.epochs() != null) {
      r.heading("Training curves of train run " + a.train().runId());
      image(r, charts, "training_loss.png", "Training loss per epoch and genotype");
      image(r, charts, "training_accuracy.png", "Accuracy per epoch and genotype");
    }
    if (a.ensembles() != null) {
      r.heading("Ensembles of train run " + a.train().runId());
      if (a.ensembles().isEmpty()) {
        r.paragraph("No ensemble was made of this run's networks (mood-nas ensemble).");
      } else {
        table(r, "Ensembles", a.ensembles().drop("weights").orderBy("created_at"));
      }
    }
    settings(r, a.search());
    settings(r, a.train());
    return r;
  }

  private static String title(AnalysisJob.Analysed a) {
    List<String> parts = new ArrayList<>();
    a.runs().forEach(run -> parts.add(run.kind() + " " + run.runId()));
    return String.join(", ", parts);
  }

  private static void settings(HtmlReport r, RunRecord run) {
    if (run == null) {
      return;
    }
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("status", run.status().toString()));
    flatten("", readTree(run.configJson()), rows);
    r.heading("Settings of " + run.kind() + " run " + run.runId());
    r.table("Settings of " + run.runId(), List.of("setting", "value"), rows);
  }

  private static JsonNode readTree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("runs.config is JSON", e);
    }
  }

  private static void flatten(String prefix, JsonNode node, List<List<Object>> rows) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  flatten(
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      e.getValue(),
                      rows));
    } else {
      rows.add(List.of(prefix, node.isTextual() ? node.asText() : node.toString()));
    }
  }

  private static void section(HtmlReport r, RunAnalysis run, Map<String, byte[]> charts) {
    r.heading(run.kind() + " " + run.runId());
    long missing = run.rowsWithMissing();
    if (missing > 0) {
      r.note(
          missing
              + " of "
              + run.results().count()
              + " models have missing figures (failed, not evaluated or not profiled): shown as"
              + " missing, left out of the correlations.");
    }
    // a search's own front; a table of trained models: accuracy against size, if it has both
    String front =
        run.kind().equals("search") || run.fronts().where(col("front").equalTo("params")).isEmpty()
            ? "search"
            : "params";
    Dataset<Row> onFront =
        run.fronts().where(col("front").equalTo(front).and(col("dominated").equalTo(false)));
    Row axes = onFront.isEmpty() ? null : onFront.first();
    table(
        r,
        "The front (" + front + "): models no other model beats",
        axes == null
            ? onFront
            : onFront.select(
                col("model_name"),
                col("nu"),
                col("x").as(axes.<String>getAs("x_name")),
                col("y").as(axes.<String>getAs("y_name"))));
    table(
        r,
        "Best model per size budget (by " + run.accuracy() + ", size ≤ budget)",
        EmptyColumns.dropped(run.budgets()));
    String p = run.kind() + "_";
    image(r, charts, p + "search_front.png", "Search front: regularization against cross-entropy");
    for (String c : List.of("params", "flops", "latency_gpu", "latency_cpu")) {
      image(r, charts, p + "accuracy_vs_" + c + ".png", "Test accuracy against " + c);
    }
    table(r, "Result table of " + run.runId(), EmptyColumns.dropped(run.results()));
    table(r, "Every front, dominated models marked", run.fronts());
    correlations(r, run.spearman());
    image(r, charts, p + "correlations.png", "Spearman correlation heat map");
  }

  private static void correlations(HtmlReport r, SpearmanMatrix m) {
    if (m.names().size() < 2) {
      r.paragraph("Too few varying figures for a correlation matrix.");
      return;
    }
    List<String> columns = new ArrayList<>(List.of("figure"));
    columns.addAll(m.names());
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < m.names().size(); i++) {
      List<Object> row = new ArrayList<>(List.of(m.names().get(i)));
      Arrays.stream(m.values()[i]).forEach(v -> row.add(Double.isNaN(v) ? null : v));
      rows.add(row);
    }
    r.table(
        "Spearman correlation over "
            + m.rowsUsed()
            + " models ("
            + m.rowsLeftOut()
            + " left out for a missing figure)",
        columns,
        rows);
  }

  private static void image(HtmlReport r, Map<String, byte[]> charts, String file, String caption) {
    if (charts.containsKey(file)) {
      r.image(caption, charts.get(file));
    }
  }

  static void table(HtmlReport r, String caption, Dataset<Row> frame) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : frame.collectAsList()) {
      List<Object> cells = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        Object v = row.get(i);
        cells.add(
            v instanceof java.sql.Timestamp t
                ? t.toInstant().toString()
                : v instanceof scala.collection.Seq<?> s ? s.mkString(", ") : v);
      }
      rows.add(cells);
    }
    r.table(caption, List.of(frame.columns()), rows);
  }
}
