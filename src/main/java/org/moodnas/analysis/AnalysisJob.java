package org.moodnas.analysis;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.moodnas.analysis.frames.PublishedTables;
import org.moodnas.analysis.frames.RunAnalysis;
import org.moodnas.analysis.frames.SearchResults;
import org.moodnas.analysis.frames.TrainResults;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvaluationSetting;
import org.moodnas.core.LatencySpec;
import org.moodnas.core.SweepSpec;
import org.moodnas.space.Genotype;
import org.moodnas.store.AnalysisInputs;
import org.moodnas.store.ResultTables;
import org.moodnas.store.RunRecord;
import org.moodnas.store.Warehouse;

/**
 * {@code mood-nas analyse}: the result table of a search run and/or a train run (and of published
 * tables), their correlations, fronts and best models per size budget; the runs' tables recorded in
 * {@code result_tables}.
 */
public final class AnalysisJob {

  private final Warehouse warehouse;
  private final AnalysisInputs inputs;
  private final PrintWriter log;

  public AnalysisJob(Warehouse warehouse, PrintWriter log) {
    this.warehouse = warehouse;
    this.inputs = new AnalysisInputs(warehouse);
    this.log = log;
  }

  /**
   * What was analysed: the runs (either may be null), published tables, and their analyses; the
   * distinct genotypes of the runs' models, each with the names of the models that have it.
   */
  public record Analysed(
      RunRecord search,
      RunRecord train,
      List<RunAnalysis> runs,
      Dataset<Row> epochs,
      Dataset<Row> ensembles,
      Dataset<Row> ensembleFront,
      List<NamedGenotype> genotypes) {}

  /** A genotype and the models (of the runs analysed) that have it, in the runs' order. */
  public record NamedGenotype(List<String> models, Genotype genotype) {}

  /**
   * Analyses the runs and the published tables given; records the runs' result tables. With {@code
   * ensembleFront}, a train run's front of ensembles too (from its predictions; see {@link
   * TrainRunEnsembleFront}).
   */
  public Analysed run(
      RunRecord search, RunRecord train, List<Path> published, boolean ensembleFront) {
    List<RunAnalysis> out = new ArrayList<>();
    if (search != null) {
      say("search run %s: joining its trials with their profiles", search.runId());
      Dataset<Row> evaluations =
          train == null
              ? null
              : inputs.evalTrials().where(functions.col("run_id").equalTo(train.runId()));
      EvaluationSetting setting =
          EvaluationSetting.of(((SweepSpec) search.config()).trial().data().dataset());
      Dataset<Row> t =
          SearchResults.of(
              inputs.searchTrials(),
              inputs.profiles(),
              search.runId(),
              setting.initChannels(),
              setting.layers(),
              setting.classes(),
              evaluations);
      out.add(
          analyse(
              search.runId(),
              "search",
              t,
              true,
              ((SweepSpec) search.config()).objective().toString()));
    }
    if (train != null) {
      say("train run %s: joining its evaluations with their searches and profiles", train.runId());
      Dataset<Row> t =
          TrainResults.of(
              inputs.evalTrials(), inputs.searchTrials(), inputs.profiles(), train.runId());
      out.add(analyse(train.runId(), "train", t, true, null));
    }
    for (Path p : published) {
      String id = p.getFileName().toString().replaceFirst("\\.csv$", "");
      say("published table %s", id);
      Dataset<Row> t = PublishedTables.read(SparkSession.active(), p.toString(), id);
      out.add(analyse(id, "published", t, false, null));
    }
    Map<String, NamedGenotype> genotypes = new LinkedHashMap<>();
    if (search != null) {
      genotypes(inputs.searchTrials(), search.runId(), out.get(0), genotypes);
    }
    if (train != null) {
      genotypes(inputs.evalTrials(), train.runId(), out.get(search == null ? 0 : 1), genotypes);
    }
    return new Analysed(
        search,
        train,
        out,
        train == null ? null : curves(train.runId()).localCheckpoint(),
        train == null ? null : inputs.ensembles(train.runId()).localCheckpoint(),
        train == null || !ensembleFront
            ? null
            : TrainRunEnsembleFront.of(warehouse, train.runId(), log),
        List.copyOf(genotypes.values()));
  }

  /**
   * Adds the genotypes of a run's models ({@code trials}: search_trials or eval_trials, whose
   * {@code genotype} is canonical JSON) to {@code into}, by hash, naming each after its models.
   */
  private static void genotypes(
      Dataset<Row> trials, String runId, RunAnalysis run, Map<String, NamedGenotype> into) {
    Map<String, Genotype> byHash = new LinkedHashMap<>();
    trials
        .where(functions.col("run_id").equalTo(runId).and(functions.col("genotype").isNotNull()))
        .select("genotype")
        .distinct()
        .collectAsList()
        .forEach(
            r -> {
              Genotype g = Genotype.fromJson(r.getString(0));
              byHash.put(g.hash(), g);
            });
    for (Row r :
        run.results()
            .where(functions.col("genotype_hash").isNotNull())
            .select("model_name", "genotype_hash")
            .collectAsList()) {
      Genotype g = byHash.get(r.getString(1));
      if (g == null) {
        continue;
      }
      NamedGenotype named =
          into.computeIfAbsent(g.hash(), h -> new NamedGenotype(new ArrayList<>(), g));
      if (!named.models().contains(r.getString(0))) {
        named.models().add(r.getString(0));
      }
    }
  }

  /**
   * A train run's epochs for its learning curves. Epochs are recorded as they end, so a genotype
   * still training (or cut short by a kill) has epochs but no eval_trials row yet: its curve is
   * drawn as far as it got, its name marked unfinished.
   */
  private Dataset<Row> curves(String trainRun) {
    Dataset<Row> finished =
        inputs
            .evalTrials()
            .where(functions.col("run_id").equalTo(trainRun))
            .select(functions.col("arch").as("finished_arch"));
    Dataset<Row> epochs =
        inputs
            .evalEpochs(trainRun)
            .join(
                finished,
                functions.col("arch").equalTo(functions.col("finished_arch")),
                "left_outer");
    List<String> unfinished =
        epochs
            .where(functions.col("finished_arch").isNull())
            .select("arch")
            .distinct()
            .orderBy("arch")
            .collectAsList()
            .stream()
            .map(r -> r.<String>getAs(0))
            .toList();
    if (!unfinished.isEmpty()) {
      say(
          "train run %s: %d genotype(s) with epochs but no result yet, still training or cut"
              + " short (their curves so far, no result row): %s",
          trainRun, unfinished.size(), String.join(", ", unfinished));
    }
    return epochs
        .withColumn(
            "arch",
            functions
                .when(
                    functions.col("finished_arch").isNull(),
                    functions.concat(functions.col("arch"), functions.lit(" (unfinished)")))
                .otherwise(functions.col("arch")))
        .drop("finished_arch");
  }

  /**
   * Profiles the genotypes of a search run that have no profile at the evaluation setting, latency
   * as {@code latency} says (null: parameters and FLOPs only); returns how many.
   */
  public int profileMissing(RunRecord search, LatencySpec latency) {
    DatasetKind dataset = ((SweepSpec) search.config()).trial().data().dataset();
    return MissingProfiles.record(warehouse, search.runId(), dataset, latency, log);
  }

  private RunAnalysis analyse(
      String runId, String kind, Dataset<Row> table, boolean record, String searchObjective) {
    RunAnalysis a = RunAnalysis.of(runId, kind, table, searchObjective);
    long missing = a.rowsWithMissing();
    long rows = a.results().count();
    say(
        "%s %s: %d models, %d with missing figures (shown as missing); Spearman over %d of them",
        kind, runId, rows, missing, a.spearman().rowsUsed());
    if (record) {
      new ResultTables(warehouse).replace(runId, a.results());
    }
    return a;
  }

  private void say(String format, Object... args) {
    log.println("analyse: " + String.format(format, args));
    log.flush();
  }
}
