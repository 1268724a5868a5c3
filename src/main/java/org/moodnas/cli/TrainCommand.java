package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.moodnas.analysis.Candidates;
import org.moodnas.core.BatchRule;
import org.moodnas.core.BatchSizing;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.ProfilingSpec;
import org.moodnas.core.RunKind;
import org.moodnas.core.TrainJobSpec;
import org.moodnas.core.TrialStatus;
import org.moodnas.data.Datasets;
import org.moodnas.memory.MemoryModel;
import org.moodnas.run.RunChoice;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.spark.EvaluationJob;
import org.moodnas.spark.PredictionJob;
import org.moodnas.spark.TaskResources;
import org.moodnas.store.EvalRecords;
import org.moodnas.store.Predictions;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mood-nas train}: trains genotypes from scratch as a Spark job, one task per genotype.
 * Long: its options, the candidates' three sources and the resume of a recorded job are checked
 * here, before Spark starts.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train genotypes from scratch (registry names, or a search run's), each a Spark task;"
          + " results in eval_trials and eval_epochs.",
      "Takes every train-one option; a genotype met twice is trained once. The networks are"
          + " checkpointed under the warehouse; each trained genotype is profiled where it trained"
          + " (parameters, FLOPs, latency on its device) into profiles."
    })
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

  @Mixin EvalSpecOptions eval;

  @Mixin FanOutOptions fanOut;

  @Option(
      names = "--memory-model",
      paramLabel = "DIR",
      description = "GPU-memory model saved by 'memory-model fit --out' (default: the published)")
  String memoryModel;

  @Option(
      names = "--margin-mb",
      description = "GPU memory kept free when sizing batches (default: ${DEFAULT-VALUE})")
  double marginMb = BatchSizing.DEFAULT.marginMb();

  @Option(
      names = "--batch-rule",
      converter = Converters.Rule.class,
      paramLabel = "published|under-budget",
      description = MemoryBatchSizeCommand.RULE_HELP)
  BatchRule batchRule = BatchSizing.DEFAULT.batchRule();

  @Option(
      names = "--min-batch-size",
      description = "out-of-memory retries shrink the batch by 5 down to this")
  int minBatchSize = BatchSizing.DEFAULT.minBatchSize();

  @Mixin ProfilingOptions profilingOptions;

  @Option(
      names = "--no-predictions",
      description =
          "do not write the trained networks' predictions (mood-nas predict writes them later)")
  boolean noPredictions;

  @Mixin SparkOptions sparkOptions;

  @Mixin RunOptions runOptions;

  /** The settings of a new job, checked before Spark starts. */
  private record Settings(
      EvalSpec eval, BatchSizing sizing, FanOutSpec fanOut, ProfilingSpec profiling) {}

  @Override
  public Integer call() throws InterruptedException {
    boolean resuming = runOptions.resume != null;
    if (which == null && !resuming) {
      throw new IllegalArgumentException("give --archs NAME… or --from-search RUN_ID");
    }
    if (paretoOnly && (which == null || which.fromSearch == null)) {
      throw new IllegalArgumentException("--pareto-only needs --from-search");
    }
    Settings settings = new Settings(eval.spec(), sizing(), fanOut.spec(), profilingOptions.spec());
    settings.fanOut().requireBatchOf(settings.eval().training().batchSize());
    runOptions.check();
    Datasets.check(settings.eval().data()); // a resume's command line names no data: a no-op there
    TaskResources.checkGpusOffered(sparkOptions.masterUrl(), settings.fanOut().gpusPerTrial());
    SparkSession spark = sparkOptions.session();
    Warehouse wh = sparkOptions.warehouse();
    wh.checkWritable();
    PrintWriter err = spec.commandLine().getErr();
    try (RunChoice run = runOptions.choose(RunKind.TRAIN, wh, err)) {
      return run(run, settings, spark, wh, err);
    }
  }

  private int run(
      RunChoice run, Settings settings, SparkSession spark, Warehouse wh, PrintWriter err)
      throws InterruptedException {
    if (run.alreadyDone()) {
      // Failed evaluations stay recorded as failed; a new run retries them.
      err.printf("run %s is done: nothing to resume%n", run.id());
      err.flush();
      return 0;
    }
    TrainJobSpec job;
    List<EvalCandidate> candidates;
    if (run.resuming()) {
      TrainJobSpec recorded = (TrainJobSpec) run.recorded().config();
      Set<String> changeable =
          Set.of("parallelism", "gpusPerTrial", "checkpointMinutes", "restartTrials");
      job =
          recorded.withFanOut(
              new ResumedLimits(spec, err, runOptions.resume != null, changeable)
                  .fanOut(recorded.fanOut(), settings.fanOut()));
      candidates = candidates(wh, job.archs(), job.fromSearch(), job.paretoOnly());
      err.printf("run %s continues with its recorded settings%n", run.id());
    } else {
      candidates = candidates(wh, which.archs, which.fromSearch, paretoOnly);
      job =
          new TrainJobSpec(
              settings.eval(),
              names(candidates),
              which.fromSearch,
              paretoOnly,
              settings.sizing(),
              settings.fanOut(),
              settings.profiling());
    }
    Candidates.Deduplicated unique = Candidates.deduplicate(candidates);
    for (Map.Entry<String, String> m : unique.mergedInto().entrySet()) {
      err.printf(
          "%s has the same genotype as %s: trained once, as %s%n",
          m.getKey(), m.getValue(), m.getValue());
    }
    String modelPath = job.sizing().memoryModel();
    MemoryModel model =
        modelPath == null ? MemoryModel.published(spark) : MemoryModel.load(modelPath);
    EvaluationJob evaluation = new EvaluationJob(spark, wh, run.id(), job, model, err);
    if (fanOut.restartTrials) {
      evaluation.discardingMismatchedStates();
    }
    List<EvalRecords.Evaluated> results =
        run.resuming() ? evaluation.resume(unique.kept()) : evaluation.start(unique.kept());
    if (RunOptions.paused(run, err)) {
      return 0;
    }
    if (!noPredictions) {
      predict(spark, wh, run.id(), job, err);
    }
    print(run.id(), results);
    return results.stream().allMatch(e -> e.status() == TrialStatus.OK) ? 0 : 1;
  }

  /**
   * Writes the predictions of the run's successful networks that have none of both splits yet (a
   * resumed run's earlier networks included): once the fan-out has ended, so that scoring takes no
   * task slot or device from a training, and each network's images spread over every executor. The
   * run is recorded by then; a failure here leaves it as it is and says how to retry.
   */
  private static void predict(
      SparkSession spark, Warehouse wh, String runId, TrainJobSpec job, PrintWriter err) {
    Predictions predictions = new Predictions(wh);
    Set<String> done = predictions.membersWithEverySplit(runId);
    List<PredictionJob.Member> todo =
        PredictCommand.chosen(new EvalRecords(wh), runId, null).stream()
            .filter(m -> !done.contains(m.name()))
            .toList();
    if (todo.isEmpty()) {
      return;
    }
    try {
      new PredictionJob(spark, wh, DeviceSpec.CPU, PredictCommand.PREDICTION_BATCH, err)
          .run(runId, job.eval(), todo);
    } catch (RuntimeException e) {
      err.printf(
          "predictions of run %s not written (%s); retry with: jobs/mood-nas predict --train-run"
              + " %s%n",
          runId, e.getMessage(), ShellHint.word(runId));
      err.flush();
    }
  }

  /** On GPUs an explicit --batch-size wins over the memory model; the spec's batch is for CPUs. */
  private BatchSizing sizing() {
    boolean batchGiven = spec.commandLine().getParseResult().hasMatchedOption("--batch-size");
    return new BatchSizing(
        batchGiven ? eval.training.batchSize : null,
        minBatchSize,
        marginMb,
        memoryModel,
        batchRule);
  }

  private static List<String> names(List<EvalCandidate> candidates) {
    return candidates.stream().map(EvalCandidate::arch).toList();
  }

  /** Registry names, or the genotypes of a search run (only its front's with paretoOnly). */
  private static List<EvalCandidate> candidates(
      Warehouse wh, List<String> archs, String fromSearch, boolean paretoOnly) {
    if (fromSearch == null) {
      GenotypeRegistry registry = GenotypeRegistry.bundled();
      List<EvalCandidate> out = new ArrayList<>();
      for (String name : archs) {
        out.add(new EvalCandidate(name, registry.get(name), null, null));
      }
      return out;
    }
    RunOptions.require(wh, "--from-search", fromSearch, RunKind.SEARCH);
    try {
      return Candidates.fromSearch(
          fromSearch, new SearchRecords(wh).trials(fromSearch), paretoOnly);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--from-search: " + e.getMessage());
    }
  }

  private void print(String id, List<EvalRecords.Evaluated> results) {
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
    String warehouse = sparkOptions.warehouse;
    out.println(
        "Look at it: "
            + ShellHint.sql(
                "SELECT arch, status, batch_size, attempts, param_size_mb, test_acc FROM eval_trials"
                    + " WHERE run_id = "
                    + ShellHint.literal(id),
                warehouse));
    out.println(
        "Ensemble it: jobs/mood-nas ensemble --train-run "
            + ShellHint.word(id)
            + " --warehouse "
            + ShellHint.word(warehouse));
    out.flush();
  }
}
