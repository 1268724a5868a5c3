package org.moodnas.cli;

import java.util.concurrent.Callable;
import org.moodnas.train.Objective;
import org.moodnas.train.SearchConfig;
import org.moodnas.train.SearchData;
import org.moodnas.train.SearchEpoch;
import org.moodnas.train.SearchTrainer;
import org.moodnas.train.TrainingInputs;
import org.moodnas.train.TrialResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas search-trial}: one PC-DARTS search with one ν, result as JSON on stdout. */
@Command(
    name = "search-trial",
    mixinStandardHelpOptions = true,
    description = "One PC-DARTS search with regularization weight ν; prints the trial as JSON.")
final class SearchTrialCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Mixin SearchOptions searchOptions;

  @Option(
      names = {"--objective", "-o"},
      defaultValue = "l2",
      description = "l1 or l2")
  String objective;

  @Option(
      names = {"--weight", "--reg-weight", "--reg_weight"},
      required = true,
      description = "ν")
  double weight;

  @Option(
      names = {"--criterion-weight", "--criterion_weight"},
      defaultValue = "1.0")
  double criterionWeight;

  @Override
  public Integer call() {
    SearchConfig config =
        searchOptions.config(dataOptions).toBuilder()
            .objective(Objective.byId(objective))
            .regWeight(weight)
            .criterionWeight(criterionWeight)
            .build();
    SearchData data =
        TrainingInputs.searchData(dataOptions.source(), config, spec.commandLine().getErr());
    TrialResult result =
        new SearchTrainer(
                config,
                new ConsoleProgress<SearchEpoch>(
                    spec.commandLine().getErr(),
                    config.epochs(),
                    dataOptions.reportFreq,
                    e ->
                        String.format(
                            "epoch %d done: loss %.4f acc %.4f ce %.4f l1 %.1f l2 %.2f%s (%.1f s) %s",
                            e.epoch() + 1,
                            e.trainLoss(),
                            e.trainAcc(),
                            e.criterionLoss(),
                            e.l1Loss(),
                            e.l2Loss(),
                            e.validAcc() == null ? "" : String.format(" valid %.4f", e.validAcc()),
                            e.seconds(),
                            e.genotype())))
            .run(data);
    spec.commandLine().getOut().println(Json.write(result));
    spec.commandLine().getOut().flush();
    return result.ok() ? 0 : 1;
  }
}
