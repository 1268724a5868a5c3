package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrialResult;
import org.moodnas.core.Weight;
import org.moodnas.data.Datasets;
import org.moodnas.data.TrainingData;
import org.moodnas.train.Devices;
import org.moodnas.train.SearchTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas search-trial}: one PC-DARTS search with one ν, result as JSON on stdout. */
@Command(
    name = "search-trial",
    mixinStandardHelpOptions = true,
    description = {
      "One PC-DARTS search with regularization weight ν, without Spark: the trial as JSON on"
          + " stdout (keys are search_trials' columns), progress on stderr.",
      "Exit 0 ok, 1 when the trial failed (a non-finite loss), 2 on bad input."
    })
final class SearchTrialCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SearchSpecOptions search;

  @Mixin ShardOptions shards;

  @Option(
      names = {"--weight", "--reg-weight", "--reg_weight"},
      required = true,
      description = "ν, the weight of the penalty")
  double nu;

  @Option(
      names = {"--criterion-weight", "--criterion_weight"},
      description = "the weight of the cross-entropy")
  double criterionWeight = 1.0;

  @Override
  public Integer call() {
    SearchSpec s = search.spec();
    Datasets.check(s.data());
    s = s.withDevice(shards.devices(s.device(), s.training().batchSize()));
    Devices.requireVisible(s.device());
    Weight weight = new Weight(nu, criterionWeight);
    PrintWriter err = spec.commandLine().getErr();
    SearchTrainer.supernetWarning(s).ifPresent(w -> err.println("warning: " + w));
    TrainingData data =
        TrainingData.load(s.data(), s.training().seed(), s.training().trainPortion(), err);
    ConsoleProgress<SearchEpoch> progress =
        new ConsoleProgress<>(
            err, s.training().epochs(), search.training.reportFreq, SearchTrialCommand::line);
    TrialResult result = new SearchTrainer(s, weight, progress).run(data);
    spec.commandLine().getOut().println(Json.write(result));
    spec.commandLine().getOut().flush();
    return result.ok() ? 0 : 1;
  }

  private static String line(SearchEpoch e) {
    return String.format(
        "epoch %d done: loss %.4f acc %.4f ce %.4f l1 %.1f l2 %.2f%s (%.1f s%s) %s",
        e.epoch() + 1,
        e.trainLoss(),
        e.trainAcc(),
        e.criterionLoss(),
        e.l1Loss(),
        e.l2Loss(),
        e.validAcc() == null ? "" : String.format(" valid %.4f", e.validAcc()),
        e.seconds(),
        ConsoleProgress.skipped(e.skippedImages()),
        e.genotype().toJson());
  }
}
