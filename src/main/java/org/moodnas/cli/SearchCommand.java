package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.moodnas.pareto.SearchedTrials;
import org.moodnas.pareto.Weight;
import org.moodnas.pareto.WeightEstimator;
import org.moodnas.spark.SearchSweep;
import org.moodnas.spark.SparkSessions;
import org.moodnas.spark.SweepSettings;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Warehouse;
import org.moodnas.train.Objective;
import org.moodnas.train.SearchConfig;
import org.moodnas.train.TrialResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas search}: the Pareto sweep as a Spark job, results in Delta tables. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "The Pareto sweep over ν: each trial a Spark task, every result appended to the warehouse.",
      "Takes every search-trial option; --simulate replaces training by a toy problem."
    })
final class SearchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Mixin SearchOptions searchOptions;

  @Option(
      names = {"--objective", "-o"},
      defaultValue = "l2",
      description = "l1 or l2")
  String objective;

  @Option(
      names = "--delta",
      defaultValue = "0.15",
      description = "stop when no unvisited adjacent pair of the front is farther apart")
  double delta;

  @Option(
      names = "--initial-weights",
      defaultValue = "0.2,0.8;0,1",
      description = "ν,criterion-weight pairs separated by ';' (default ${DEFAULT-VALUE})")
  String initialWeights;

  @Option(names = "--parallelism", defaultValue = "1", description = "trials in flight at once")
  int parallelism;

  @Option(
      names = "--warehouse",
      defaultValue = "warehouse",
      description = "Delta tables' folder (any Hadoop path)")
  String warehouse;

  @Mixin RunOptions runOptions;

  @Option(
      names = "--max-trials",
      defaultValue = "0",
      description = "stop after this many trials (0: when the front is covered)")
  int maxTrials;

  @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
  String master;

  @Option(
      names = "--gpus-per-trial",
      defaultValue = "-1",
      description =
          "GPUs each trial asks Spark for: 0 or 1 (default: 1 when the executors have GPUs,"
              + " spark.executor.resource.gpu.amount, else 0)")
  int gpusPerTrial;

  @Option(names = "--simulate", description = "solve a toy problem instead of training")
  boolean simulate;

  @Option(
      names = "--simulate-seconds",
      defaultValue = "0",
      description = "seconds each simulated trial takes")
  double simulateSeconds;

  @Override
  public Integer call() throws InterruptedException {
    String id = runOptions.id("search");
    SearchConfig trial =
        simulate
            ? null
            : searchOptions.config(dataOptions).toBuilder()
                .objective(Objective.byId(objective))
                .build();
    SweepSettings settings =
        new SweepSettings(
            id,
            objective,
            parseWeights(initialWeights),
            delta,
            parallelism,
            searchOptions.weightDecay,
            simulateSeconds,
            maxTrials,
            gpusPerTrial,
            trial,
            simulate ? null : dataOptions.source());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("objective", objective);
    config.put("delta", delta);
    config.put("initial_weights", initialWeights);
    config.put("parallelism", parallelism);
    config.put("max_trials", maxTrials);
    config.put("gpus_per_trial", gpusPerTrial);
    config.put("simulate", simulate);
    config.put("simulate_seconds", simulateSeconds);
    config.put("search", trial);
    config.put("data", settings.source());
    PrintWriter err = spec.commandLine().getErr();
    SparkSession spark = SparkSessions.getOrCreate(master);
    Warehouse wh = new Warehouse(spark, warehouse);
    wh.checkWritable();
    SearchRecords records = new SearchRecords(wh);
    SearchSweep sweep = new SearchSweep(spark, records, settings, err);
    if (runOptions.resuming(wh)) {
      sweep.resume();
    } else {
      sweep.run(Json.write(config));
    }
    List<SearchedTrials.Named> front = SearchedTrials.front(records.trials(id));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Pareto front of run %s (%d points):%n", id, front.size());
    out.printf(
        "%12s  %-16s %12s %14s %10s %13s%n",
        "ν", "name", "reg_loss", "criterion_loss", "valid_acc", "model_size_mb");
    for (SearchedTrials.Named n : front) {
      TrialResult t = n.trial();
      out.printf(
          "%12.6g  %-16s %12.6g %14.6g %10s %13s%n",
          t.regWeight(),
          n.name(),
          t.regLoss(),
          t.criterionLoss(),
          t.validAcc() == null ? "-" : String.format("%.4f", t.validAcc()),
          t.modelSizeMb() == null ? "-" : String.format("%.6f", t.modelSizeMb()));
    }
    out.printf(
        "Look at it: jobs/mood-nas sql \"SELECT trial_index, reg_weight, reg_loss, criterion_loss,"
            + " valid_acc, model_size_mb, status FROM search_trials WHERE run_id = '%s' ORDER BY"
            + " trial_index\" --warehouse %s%n",
        id, warehouse);
    out.flush();
    return 0;
  }

  /** "0.2,0.8;0,1" → [(0.2, 0.8), (0, 1)]. */
  static List<Weight> parseWeights(String text) {
    List<Weight> out = new ArrayList<>();
    for (String pair : text.split(";")) {
      String[] parts = pair.trim().split(",");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "--initial-weights: '" + pair + "' is not ν,criterion-weight");
      }
      try {
        out.add(
            new Weight(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--initial-weights: '" + pair + "' is not two numbers");
      }
    }
    return out.isEmpty() ? WeightEstimator.DEFAULT_INITIAL : out;
  }
}
