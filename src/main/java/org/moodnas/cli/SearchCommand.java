package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.moodnas.analysis.SearchedTrials;
import org.moodnas.core.RunKind;
import org.moodnas.core.SearchMetrics;
import org.moodnas.core.SweepSpec;
import org.moodnas.core.Weight;
import org.moodnas.data.Datasets;
import org.moodnas.run.RunChoice;
import org.moodnas.spark.SearchSweep;
import org.moodnas.spark.TaskResources;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Warehouse;
import org.moodnas.train.SearchTrainer;
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
      "The Pareto sweep over ν: each trial a Spark task, every result appended to the warehouse"
          + " (runs, search_trials, search_epochs); prints the front at the end.",
      "Takes every search-trial option but the weight; --simulate replaces training by a toy"
          + " problem."
    })
final class SearchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SearchSpecOptions search;

  @Option(
      names = "--delta",
      description = "stop when no unvisited adjacent pair of the front is farther apart")
  double delta = SweepSpec.DEFAULT_DELTA;

  @Option(
      names = "--initial-weights",
      paramLabel = "ν,c;ν,c…",
      description = "the first weights: ν,criterion-weight pairs separated by ';'")
  String initialWeights = "0.2,0.8;0,1";

  @Mixin FanOutOptions fanOut;

  @Option(
      names = "--max-trials",
      description = "stop after this many trials (0: when the front is covered)")
  int maxTrials;

  @Option(names = "--simulate", description = "solve a toy problem instead of training")
  boolean simulate;

  @Option(names = "--simulate-seconds", description = "seconds each simulated trial takes")
  double simulateSeconds;

  @Option(
      names = "--speculate",
      paramLabel = "on|off",
      description =
          "with --parallelism above 1: slots that would wait get speculative weights, bisecting the"
              + " gaps that trials in flight are assumed to split, and such a trial the front no"
              + " longer needs is cancelled (default: ${DEFAULT-VALUE}; off: only real gaps, as the"
              + " sequential published sweep)")
  String speculate = "on";

  @Mixin SparkOptions sparkOptions;

  @Mixin RunOptions runOptions;

  @Override
  public Integer call() throws InterruptedException {
    if (!speculate.equals("on") && !speculate.equals("off")) {
      throw new IllegalArgumentException("--speculate " + speculate + ": on or off");
    }
    SweepSpec sweep =
        new SweepSpec(
            search.spec(),
            parseWeights(initialWeights),
            delta,
            fanOut.spec(),
            maxTrials,
            simulate,
            simulateSeconds,
            speculate.equals("on"));
    runOptions.check();
    if (!sweep.simulate() && runOptions.resume == null) {
      Datasets.check(sweep.trial().data());
    }
    TaskResources.checkGpusOffered(sparkOptions.masterUrl(), sweep.fanOut().gpusPerTrial());
    Warehouse wh = sparkOptions.warehouse();
    wh.checkWritable();
    PrintWriter err = spec.commandLine().getErr();
    try (RunChoice run = runOptions.choose(RunKind.SEARCH, wh, err)) {
      return run(run, sweep, wh, err);
    }
  }

  private int run(RunChoice run, SweepSpec sweep, Warehouse wh, PrintWriter err)
      throws InterruptedException {
    if (run.alreadyDone()) {
      err.printf("run %s is done: nothing to resume%n", run.id());
      err.flush();
      printFront(run.id(), new SearchRecords(wh));
      return 0;
    }
    if (run.resuming()) {
      sweep = resumed((SweepSpec) run.recorded().config(), sweep, err);
      err.printf("run %s continues with its recorded settings%n", run.id());
    }
    if (!sweep.simulate()) {
      SearchTrainer.supernetWarning(sweep.trial()).ifPresent(w -> err.println("warning: " + w));
    }
    SearchSweep sweeper = new SearchSweep(sparkOptions.session(), wh, run.id(), sweep, err);
    if (fanOut.restartTrials) {
      sweeper.discardingMismatchedStates();
    }
    if (run.resuming()) {
      sweeper.resume();
    } else {
      sweeper.start();
    }
    if (RunOptions.paused(run, err)) {
      return 0;
    }
    printFront(run.id(), new SearchRecords(wh));
    return 0;
  }

  /**
   * The recorded sweep, its limits changed only by options given now: the remaining trials must be
   * trials of the same sweep as the recorded ones.
   */
  private SweepSpec resumed(SweepSpec recorded, SweepSpec now, PrintWriter err) {
    Set<String> changeable =
        Set.of(
            "maxTrials",
            "delta",
            "parallelism",
            "gpusPerTrial",
            "checkpointMinutes",
            "restartTrials");
    ResumedLimits limits = new ResumedLimits(spec, err, runOptions.resume != null, changeable);
    return recorded
        .withMaxTrials(limits.keep("maxTrials", recorded.maxTrials(), now.maxTrials()))
        .withDelta(limits.keep("delta", recorded.delta(), now.delta()))
        .withFanOut(limits.fanOut(recorded.fanOut(), now.fanOut()));
  }

  private void printFront(String id, SearchRecords records) {
    List<SearchedTrials.Named> front = SearchedTrials.front(records.trials(id));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Pareto front of run %s (%d points):%n", id, front.size());
    out.printf(
        "%12s  %-16s %12s %14s %10s %13s%n",
        "ν", "name", "reg_loss", "criterion_loss", "valid_acc", "model_size_mb");
    for (SearchedTrials.Named n : front) {
      SearchMetrics m = n.trial().metrics();
      out.printf(
          "%12.6g  %-16s %12.6g %14.6g %10s %13s%n",
          n.trial().weight().nu(),
          n.name(),
          m.regLoss(),
          m.criterionLoss(),
          m.validAcc() == null ? "-" : String.format("%.4f", m.validAcc()),
          m.modelSizeMb() == null ? "-" : String.format("%.6f", m.modelSizeMb()));
    }
    out.println(
        "Look at it: "
            + ShellHint.sql(
                "SELECT trial_index, reg_weight, reg_loss, criterion_loss, valid_acc,"
                    + " model_size_mb, status FROM search_trials WHERE run_id = "
                    + ShellHint.literal(id)
                    + " ORDER BY trial_index",
                sparkOptions.warehouse));
    out.flush();
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
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--initial-weights: '" + pair + "': " + e.getMessage());
      }
    }
    return out.isEmpty() ? SweepSpec.DEFAULT_INITIAL_WEIGHTS : out;
  }
}
