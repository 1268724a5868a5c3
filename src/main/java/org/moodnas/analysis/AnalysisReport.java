package org.moodnas.analysis;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.frames.EmptyColumns;
import org.moodnas.analysis.frames.PairwiseSpearman;
import org.moodnas.analysis.frames.RunAnalysis;
import org.moodnas.analysis.frames.SpearmanMatrix;
import org.moodnas.analysis.report.HtmlReport;
import org.moodnas.space.Edge;

/**
 * The one-page HTML report of an analysis: settings, fronts, budgets, tables, charts (the ones it
 * is handed, each where its kind belongs), and each genotype's cells.
 */
final class AnalysisReport {

  private AnalysisReport() {}

  static HtmlReport of(AnalysisJob.Analysed a, AnalysisCharts.Drawn charts) {
    HtmlReport r = new HtmlReport("MOOD-NAS analysis: " + title(a));
    r.paragraph(
        "Accuracies in percent, losses as recorded, size in MB of parameters (params / 1e6),"
            + " FLOPs as multiply-accumulates per image; a front keeps every model and marks"
            + " those another model beats in both objectives as dominated.");
    for (int i = 0; i < a.runs().size(); i++) {
      section(r, a.runs().get(i), charts.runs().get(i));
    }
    if (a.epochs() != null) {
      r.heading("Training curves of train run " + a.train().runId());
      charts.curves().forEach(c -> image(r, c));
    }
    if (a.ensembles() != null) {
      r.heading("Ensembles of train run " + a.train().runId());
      if (a.ensembles().isEmpty()) {
        r.paragraph("No ensemble was made of this run's networks (mood-nas ensemble).");
      } else {
        table(r, "Ensembles", a.ensembles().drop("weights").orderBy("created_at"));
      }
    }
    if (a.ensembleFront() != null) {
      r.heading("Front of ensembles of train run " + a.train().runId());
      r.paragraph(
          "For each parameter budget (each network's own size, and all networks together), the"
              + " ensemble that greedy forward selection with replacement builds within it on the"
              + " weights split, scored on the test set, beside the networks alone: the most"
              + " accurate thing to deploy in N parameters, one network or several. Accuracies as"
              + " fractions; weights: how often each member was chosen, over the most chosen.");
      image(r, charts.ensembleFront());
      table(r, "Front of ensembles", a.ensembleFront());
    }
    cells(r, a.genotypes());
    RunSettings.add(r, a.search());
    RunSettings.add(r, a.train());
    return r;
  }

  /** Each genotype's normal and reduction cell, drawn as visualize.py draws them. */
  private static void cells(HtmlReport r, List<AnalysisJob.NamedGenotype> genotypes) {
    if (genotypes.isEmpty()) {
      return;
    }
    r.heading("Cells of the genotypes");
    r.paragraph(
        "Each distinct genotype of the runs' models, its normal and its reduction cell: the cell's"
            + " inputs c_{k-2} and c_{k-1}, its nodes 0, 1, …, and its output c_{k}, the"
            + " concatenation of the nodes; each arrow an operation.");
    for (AnalysisJob.NamedGenotype g : genotypes) {
      String names = String.join(", ", g.models());
      cell(r, "Normal cell of " + names, g.genotype().normal(), g.genotype().normalConcat());
      cell(r, "Reduction cell of " + names, g.genotype().reduce(), g.genotype().reduceConcat());
    }
  }

  private static void cell(HtmlReport r, String caption, List<Edge> edges, List<Integer> concat) {
    r.cell(
        caption,
        edges.stream().map(e -> e.op().opName()).toList(),
        edges.stream().map(Edge::input).toList(),
        concat);
  }

  private static String title(AnalysisJob.Analysed a) {
    List<String> parts = new ArrayList<>();
    a.runs().forEach(run -> parts.add(run.kind() + " " + run.runId()));
    return String.join(", ", parts);
  }

  private static void section(HtmlReport r, RunAnalysis run, AnalysisCharts.RunCharts charts) {
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
    if (charts.searchFront() != null) {
      image(r, charts.searchFront());
    }
    charts.costs().forEach(c -> image(r, c));
    table(r, "Result table of " + run.runId(), EmptyColumns.dropped(run.results()));
    if (run.publishedSearch() != null) {
      table(
          r,
          "Search table of "
              + run.runId()
              + " as the published analysis writes it: the "
              + run.publishedSearch().count()
              + " trials no other trial dominates in (regularization loss, cross-entropy), named"
              + " among themselves, by ν descending",
          run.publishedSearch());
    }
    table(r, "Every front, dominated models marked", run.fronts());
    charts.published().forEach(c -> image(r, c));
    correlations(r, run.spearman());
    if (charts.correlations() != null) {
      image(r, charts.correlations());
    }
    publishedCorrelations(r, run.publishedSpearman());
    if (charts.publishedCorrelations() != null) {
      image(r, charts.publishedCorrelations());
    }
  }

  /** A correlation matrix's rows for a table: each figure's name, then its values (NaN: none). */
  private static List<List<Object>> matrixRows(List<String> names, double[][] values) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      List<Object> row = new ArrayList<>(List.of(names.get(i)));
      Arrays.stream(values[i]).forEach(v -> row.add(Double.isNaN(v) ? null : v));
      rows.add(row);
    }
    return rows;
  }

  /** The published analysis's matrix: absolute values, each pair over its own models. */
  private static void publishedCorrelations(HtmlReport r, PairwiseSpearman m) {
    if (m.names().size() < 2) {
      r.paragraph("Too few figures for the published correlation matrix.");
      return;
    }
    List<String> columns = new ArrayList<>(List.of("figure"));
    columns.addAll(m.names());
    List<List<Object>> rows = matrixRows(m.names(), m.values());
    r.table(
        "Absolute Spearman correlation as the published analysis computes it: each pair over the"
            + " models with both figures (at least "
            + m.fewestModels()
            + " models per pair)",
        columns,
        rows);
  }

  private static void correlations(HtmlReport r, SpearmanMatrix m) {
    if (m.names().size() < 2) {
      r.paragraph("Too few varying figures for a correlation matrix.");
      return;
    }
    List<String> columns = new ArrayList<>(List.of("figure"));
    columns.addAll(m.names());
    List<List<Object>> rows = matrixRows(m.names(), m.values());
    r.table(
        "Spearman correlation over "
            + m.rowsUsed()
            + " models ("
            + m.rowsLeftOut()
            + " left out for a missing figure)",
        columns,
        rows);
  }

  private static void image(HtmlReport r, AnalysisCharts.Chart chart) {
    r.image(chart.caption(), chart.png());
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
