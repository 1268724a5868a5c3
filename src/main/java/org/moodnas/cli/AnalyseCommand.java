package org.moodnas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.AnalysisFiles;
import org.moodnas.analysis.AnalysisJob;
import org.moodnas.analysis.frames.EmptyColumns;
import org.moodnas.analysis.frames.RunAnalysis;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.ProfilingSpec;
import org.moodnas.core.RunKind;
import org.moodnas.store.ResultColumns;
import org.moodnas.store.RunRecord;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas analyse}: result tables, correlations, fronts, charts and an HTML report. */
@Command(
    name = "analyse",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse a search run and/or a train run: result tables, correlations, Pareto fronts,"
          + " charts and an HTML report.",
      "The result table has a row per model, as the published tables do: its name, ν, size, train/valid/test loss and"
          + " accuracy, top-5 where recorded, search losses and accuracy, params, FLOPs and"
          + " latency. The console shows its main figures, rounded; the CSV keeps every column.",
      "Beside it: Spearman's correlation matrix (signed, over the models with every figure) and"
          + " the published one (absolute, each pair over the models with both figures); a search"
          + " run's table as the published analysis writes it (its non-dominated trials) beside"
          + " the table of every trial; the Pareto fronts (dominated models kept and marked); the"
          + " best model per size budget; charts (with the published scatters of ν, search and"
          + " validation figures); a train run's front of ensembles beside its networks; each"
          + " genotype's cells; report.html.",
      "Result tables go to the warehouse's result_tables and, with the rest, to --out."
    })
final class AnalyseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--search-run", paramLabel = "RUN_ID", description = "a search run")
  String searchRun;

  @Option(names = "--train-run", paramLabel = "RUN_ID", description = "a train run")
  String trainRun;

  @Option(
      names = "--import-published",
      paramLabel = "CSV",
      arity = "1..*",
      description = "published result tables (CSV as released with the method) to analyse too")
  List<Path> published = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where the CSV files, charts and report.html go (default: ${DEFAULT-VALUE})")
  Path out = Path.of("analysis");

  @Option(
      names = "--profile-missing",
      description =
          "first profile, on this machine's CPU, the search run's genotypes that profiles has no"
              + " row for at the evaluation setting (36 channels and 20 cells; ImageNet 48 and 14,"
              + " 1000 classes), and record them")
  boolean profileMissing;

  @Option(
      names = "--no-ensemble-front",
      description =
          "with --train-run: do not draw the front of ensembles (greedy selection within each"
              + " network's size, on the run's recorded predictions; default: drawn)")
  boolean noEnsembleFront;

  @Mixin ProfilingOptions profilingOptions;

  @Mixin SparkOptions sparkOptions;

  /**
   * Creates {@code folder} and writes a file into it, so that an analysis that cannot keep its
   * files is refused before it runs, saying why; permissions alone say little (root passes them).
   */
  static void requireWritableFolder(String option, Path folder) {
    Path existing = folder.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new IllegalArgumentException(
          option
              + " "
              + folder
              + (existing.equals(folder.toAbsolutePath().normalize())
                  ? ": is a file, not a folder"
                  : ": cannot create folder: " + existing + " is a file"));
    }
    boolean created = Files.isDirectory(folder);
    try {
      Files.createDirectories(folder);
      created = true;
      Files.delete(Files.createTempFile(folder, ".write-probe-", ""));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          option
              + " "
              + folder
              + (created ? ": cannot write in folder: " : ": cannot create folder: ")
              + reason(e));
    }
  }

  /** The system's reason, in its words: "permission denied", "read-only file system"… */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT);
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * What the console shows of a result table: the figures a reader compares models by, rounded
   * (accuracies in percent); the CSV keeps every column at full precision.
   */
  private static final List<TablePrinter.Column> SHOWN =
      List.of(
          TablePrinter.Column.text("model", ResultColumns.MODEL_NAME),
          new TablePrinter.Column("ν", ResultColumns.NU, TablePrinter.significant(3, 1)),
          new TablePrinter.Column("size MB", ResultColumns.SIZE_MB, TablePrinter.decimals(2)),
          new TablePrinter.Column(
              "params M", ResultColumns.PARAMS, TablePrinter.significant(3, 1e6)),
          new TablePrinter.Column("FLOPs M", ResultColumns.FLOPS, TablePrinter.significant(3, 1e6)),
          new TablePrinter.Column("CPU ms", ResultColumns.LATENCY_CPU_MS, TablePrinter.decimals(1)),
          new TablePrinter.Column("GPU ms", ResultColumns.LATENCY_GPU_MS, TablePrinter.decimals(1)),
          new TablePrinter.Column("search acc", ResultColumns.SEARCH_ACC, TablePrinter.decimals(2)),
          new TablePrinter.Column("valid acc", "valid_acc", TablePrinter.decimals(2)),
          new TablePrinter.Column("test acc", ResultColumns.TEST_ACC, TablePrinter.decimals(2)),
          new TablePrinter.Column("top-5", ResultColumns.TEST_TOP5, TablePrinter.decimals(2)),
          TablePrinter.Column.text("missing", ResultColumns.MISSING));

  /**
   * Each run's result table as a terminal shows it: the {@link #SHOWN} columns some row has a value
   * in (the size in MB only where no parameter count was profiled), then where the rest is.
   */
  private void printResults(PrintWriter stdout, AnalysisJob.Analysed a) {
    for (RunAnalysis run : a.runs()) {
      List<String> present = List.of(EmptyColumns.dropped(run.results()).columns());
      List<TablePrinter.Column> columns =
          SHOWN.stream()
              .filter(c -> present.contains(c.field()))
              .filter(
                  c ->
                      !c.field().equals(ResultColumns.SIZE_MB)
                          || !present.contains(ResultColumns.PARAMS))
              .toList();
      List<Row> rows = run.results().collectAsList();
      stdout.printf("%s %s%n", run.kind(), run.runId());
      TablePrinter.fitted(stdout, columns, rows);
      // the file's name only: --out may be a long path, and the last line names it
      stdout.printf(
          "(%d models, accuracies in %%; every column in %s_results.csv)%n%n",
          rows.size(), run.kind());
    }
  }

  @Override
  public Integer call() {
    if (searchRun == null && trainRun == null && published.isEmpty()) {
      throw new IllegalArgumentException(
          "give --search-run, --train-run or --import-published: nothing to analyse");
    }
    for (Path p : published) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("--import-published " + p + ": no such file");
      }
    }
    requireWritableFolder("--out", out);
    ProfilingSpec profiling = profilingOptions.spec();
    if (profileMissing && searchRun == null) {
      throw new IllegalArgumentException("--profile-missing needs --search-run");
    }
    PrintWriter err = spec.commandLine().getErr();
    Warehouse wh = sparkOptions.warehouse();
    RunRecord search = null;
    RunRecord train = null;
    if (searchRun != null || trainRun != null) {
      wh.checkReadable();
      search =
          searchRun == null
              ? null
              : RunOptions.require(wh, "--search-run", searchRun, RunKind.SEARCH);
      train =
          trainRun == null ? null : RunOptions.require(wh, "--train-run", trainRun, RunKind.TRAIN);
      wh.checkWritable();
    }
    AnalysisJob job = new AnalysisJob(wh, err);
    if (profileMissing) {
      job.profileMissing(search, profiling.latencyOn(DeviceSpec.CPU));
    }
    AnalysisJob.Analysed a = job.run(search, train, published, !noEnsembleFront);
    PrintWriter stdout = spec.commandLine().getOut();
    printResults(stdout, a);
    List<Path> files = AnalysisFiles.write(a, out);
    err.printf("analyse: %d files in %s; open %s%n", files.size(), out, out.resolve("report.html"));
    err.flush();
    stdout.flush();
    return 0;
  }
}
