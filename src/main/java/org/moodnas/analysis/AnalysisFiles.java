package org.moodnas.analysis;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.frames.RunAnalysis;

/**
 * Writes an analysis into a folder: per analysed run its result table, both correlation matrices
 * (ours and the published analysis's), fronts, budgets and, of a search run, its table as the
 * published analysis writes it, as CSV; its charts as PNG, the training curves, and report.html.
 * Everything is written into a hidden folder beside the output first and moved in at the end, so an
 * analysis that fails leaves the folder as it was.
 */
public final class AnalysisFiles {

  private AnalysisFiles() {}

  /** Writes everything; returns the files written, report.html last. */
  public static List<Path> write(AnalysisJob.Analysed a, Path out) {
    try {
      Files.createDirectories(out);
      Path tmp = Files.createTempDirectory(out, ".analyse-");
      try {
        for (RunAnalysis run : a.runs()) {
          String p = run.kind() + "_";
          csv(run.results(), tmp.resolve(p + "results.csv"));
          csv(run.spearman().toFrame(), tmp.resolve(p + "correlations.csv"));
          csv(run.publishedSpearman().toFrame(), tmp.resolve(p + "correlations_published.csv"));
          csv(run.fronts(), tmp.resolve(p + "fronts.csv"));
          csv(run.budgets(), tmp.resolve(p + "budgets.csv"));
          if (run.publishedSearch() != null) {
            csv(run.publishedSearch(), tmp.resolve(p + "table_published.csv"));
          }
        }
        if (a.ensembleFront() != null) {
          csv(a.ensembleFront(), tmp.resolve("train_ensemble_front.csv"));
        }
        AnalysisCharts.Drawn charts = AnalysisCharts.of(a);
        for (AnalysisCharts.Chart c : charts.all()) {
          Path file = tmp.resolve(c.file());
          if (Files.exists(file)) {
            throw new IllegalStateException("two charts are named " + c.file());
          }
          Files.write(file, c.png());
        }
        AnalysisReport.of(a, charts).write(tmp.resolve("report.html"));
        return moveAll(tmp, out);
      } finally {
        deleteTree(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + out + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> moveAll(Path from, Path to) throws IOException {
    List<Path> moved = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(from)) {
      // report.html last: once it is there, everything it shows is
      files =
          s.sorted(
                  Comparator.comparing((Path p) -> p.endsWith("report.html")).thenComparing(p -> p))
              .toList();
    }
    for (Path f : files) {
      Path target = to.resolve(f.getFileName());
      Files.move(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      moved.add(target);
    }
    return moved;
  }

  private static void csv(Dataset<Row> frame, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CsvWriter csv = new CsvWriter(w, new CsvWriterSettings());
      csv.writeHeaders(frame.columns());
      for (Row r : frame.collectAsList()) {
        Object[] cells = new Object[r.length()];
        for (int i = 0; i < cells.length; i++) {
          Object v = r.get(i);
          cells[i] = v instanceof scala.collection.Seq<?> s ? s.mkString(";") : v;
        }
        csv.writeRow(cells);
      }
      csv.close();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
