package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.moodnas.memory.MemoryModel;
import org.moodnas.pareto.SearchedTrials;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.spark.EvalCandidate;
import org.moodnas.spark.EvaluationJob;
import org.moodnas.spark.SparkSessions;
import org.moodnas.spark.TrainSettings;
import org.moodnas.store.EvalRecords;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Warehouse;
import org.moodnas.train.EvalConfig;
import org.moodnas.train.TrialResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas train}: trains genotypes from scratch as a Spark job, one task per genotype. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train genotypes from scratch (registry names, or a search run's), each a Spark task;"
            + " results in eval_trials / eval_epochs, networks checkpointed under the warehouse.")
final class TrainCommand implements Callable<Integer> {

  /** Registry names, or the genotypes of a search run. */
  static final class Which {
    @Option(
        names = "--archs",
        arity = "1..*",
        paramLabel = "NAME",
        description = "registry genotypes")
    List<String> archs;

    @Option(
        names = "--from-search",
        paramLabel = "RUN_ID",
        description = "the genotypes of a search run, named by their ν")
    String fromSearch;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Which which;

  @Option(names = "--pareto-only", description = "with --from-search: only the front's genotypes")
  boolean paretoOnly;

  @Mixin DataOptions dataOptions;

  @Mixin EvalOptions evalOptions;

  @Option(names = "--parallelism", defaultValue = "1", description = "evaluations at once")
  int parallelism;

  @Option(
      names = "--gpus-per-trial",
      defaultValue = "-1",
      description =
          "GPUs each evaluation asks Spark for: 0 or 1 (default: 1 when executors have GPUs)")
  int gpusPerTrial;

  @Option(
      names = "--memory-model",
      paramLabel = "DIR",
      description = "GPU-memory model saved by 'memory-model fit --out' (default: the published)")
  String memoryModel;

  @Option(
      names = "--margin-mb",
      defaultValue = "500",
      description = "GPU memory kept free when sizing batches")
  double marginMb;

  @Option(
      names = "--min-batch-size",
      defaultValue = "8",
      description = "out-of-memory retries shrink the batch by 5 down to this")
  int minBatchSize;

  @Option(names = "--inject-oom", defaultValue = "0", hidden = true)
  int injectedOoms;

  @Option(names = "--warehouse", defaultValue = "warehouse")
  String warehouse;

  @Mixin RunOptions runOptions;

  @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
  String master;

  @Override
  public Integer call() throws InterruptedException {
    if (which == null) {
      throw new IllegalArgumentException("give --archs NAME… or --from-search RUN_ID");
    }
    if (paretoOnly && which.fromSearch == null) {
      throw new IllegalArgumentException("--pareto-only needs --from-search");
    }
    String id = runOptions.id("train");
    EvalConfig config = evalOptions.config(dataOptions);
    SparkSession spark = SparkSessions.getOrCreate(master);
    Warehouse wh = new Warehouse(spark, warehouse);
    wh.checkWritable();
    List<EvalCandidate> candidates = candidates(wh);
    MemoryModel model =
        memoryModel == null ? MemoryModel.published(spark) : MemoryModel.load(memoryModel);
    TrainSettings settings =
        new TrainSettings(
            id,
            dataOptions.source(),
            config,
            evalOptions.batchSize,
            minBatchSize,
            model,
            marginMb,
            parallelism,
            gpusPerTrial,
            injectedOoms);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("archs", candidates.stream().map(EvalCandidate::arch).toList());
    json.put("from_search", which.fromSearch);
    json.put("pareto_only", paretoOnly);
    json.put("eval", config);
    json.put("batch_size", evalOptions.batchSize);
    json.put("min_batch_size", minBatchSize);
    json.put("margin_mb", marginMb);
    json.put("memory_model", memoryModel);
    json.put("parallelism", parallelism);
    json.put("gpus_per_trial", gpusPerTrial);
    json.put("data", settings.source());
    EvalRecords records = new EvalRecords(wh);
    PrintWriter err = spec.commandLine().getErr();
    List<EvalRecords.Evaluated> results =
        new EvaluationJob(spark, records, settings, err)
            .run(candidates, Json.write(json), runOptions.resuming(wh));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Evaluations of run %s (%d genotypes):%n", id, results.size());
    out.printf("%-24s %-8s %12s %10s%n", "arch", "status", "params", "test_acc");
    for (EvalRecords.Evaluated e : results) {
      out.printf(
          "%-24s %-8s %12s %10s%n",
          e.arch(),
          e.status(),
          e.params() == null ? "-" : e.params(),
          e.testAcc() == null ? "-" : String.format("%.4f", e.testAcc()));
    }
    out.printf(
        "Look at it: jobs/mood-nas sql \"SELECT arch, status, batch_size, attempts, param_size_mb,"
            + " test_acc FROM eval_trials WHERE run_id = '%s'\" --warehouse %s%n",
        id, warehouse);
    out.printf(
        "Ensemble it: jobs/mood-nas ensemble --train-run %s --warehouse %s%n", id, warehouse);
    out.flush();
    return results.stream().allMatch(e -> "ok".equals(e.status())) ? 0 : 1;
  }

  private List<EvalCandidate> candidates(Warehouse wh) {
    List<EvalCandidate> out = new ArrayList<>();
    if (which.archs != null) {
      GenotypeRegistry registry = GenotypeRegistry.bundled();
      for (String name : which.archs) {
        out.add(new EvalCandidate(name, registry.get(name), null, null));
      }
      return out;
    }
    SearchRecords search = new SearchRecords(wh);
    search.requireSearchRun("--from-search", which.fromSearch);
    List<TrialResult> trials = search.trials(which.fromSearch);
    List<SearchedTrials.Named> named =
        paretoOnly ? SearchedTrials.front(trials) : SearchedTrials.of(trials);
    for (SearchedTrials.Named n : named) {
      if (n.trial().genotype() == null) {
        throw new IllegalArgumentException(
            "--from-search: run '" + which.fromSearch + "' has no genotypes (a simulated sweep?)");
      }
      out.add(
          new EvalCandidate(
              n.name(),
              Genotype.fromJson(n.trial().genotype()),
              which.fromSearch,
              n.trial().regWeight()));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "--from-search: run '" + which.fromSearch + "' has no successful trials");
    }
    return out;
  }
}
