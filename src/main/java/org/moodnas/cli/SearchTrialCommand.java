package org.moodnas.cli;

import java.util.concurrent.Callable;
import org.moodnas.train.Objective;
import org.moodnas.train.SearchConfig;
import org.moodnas.train.SearchData;
import org.moodnas.train.SearchEpoch;
import org.moodnas.train.SearchTrainer;
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

  @Option(
      names = {"--batch-size", "--batch_size"},
      defaultValue = "256")
  int batchSize;

  @Option(names = "--epochs", defaultValue = "50")
  int epochs;

  @Option(
      names = {"--init-channels", "--init_channels"},
      defaultValue = "16")
  int initChannels;

  @Option(names = "--layers", defaultValue = "8")
  int layers;

  @Option(
      names = {"--train-portion", "--train_portion"},
      defaultValue = "0.5")
  double trainPortion;

  @Option(
      names = {"--learning-rate", "--learning_rate"},
      defaultValue = "0.1")
  double learningRate;

  @Option(
      names = {"--learning-rate-min", "--learning_rate_min"},
      defaultValue = "0.001")
  double learningRateMin;

  @Option(names = "--momentum", defaultValue = "0.9")
  double momentum;

  @Option(
      names = {"--weight-decay", "--weight_decay"},
      defaultValue = "3e-4")
  double weightDecay;

  @Option(
      names = {"--grad-clip", "--grad_clip"},
      defaultValue = "5")
  double gradClip;

  @Option(
      names = {"--arch-learning-rate", "--arch_learning_rate"},
      defaultValue = "6e-4")
  double archLearningRate;

  @Option(
      names = {"--arch-weight-decay", "--arch_weight_decay"},
      defaultValue = "1e-3")
  double archWeightDecay;

  @Option(
      names = {"--arch-warmup-epochs", "--arch_warmup_epochs"},
      defaultValue = "15",
      description = "epochs of weight-only training before α and β move")
  int archWarmupEpochs;

  @Option(names = "--cutout")
  boolean cutout;

  @Option(
      names = {"--cutout-length", "--cutout_length"},
      defaultValue = "16")
  int cutoutLength;

  @Option(names = "--unrolled", description = "published second-order flag: not supported")
  boolean unrolled;

  @Override
  public Integer call() throws Exception {
    if (unrolled) {
      throw new IllegalArgumentException(
          "--unrolled (second-order DARTS) is not supported: PC-DARTS and MOOD-NAS search first-order");
    }
    SearchConfig config =
        new SearchConfig(
            Objective.byId(objective),
            weight,
            criterionWeight,
            batchSize,
            epochs,
            initChannels,
            layers,
            trainPortion,
            dataOptions.subsample,
            dataOptions.seed == null ? 2 : dataOptions.seed,
            learningRate,
            learningRateMin,
            momentum,
            weightDecay,
            gradClip,
            archLearningRate,
            archWeightDecay,
            archWarmupEpochs,
            cutout,
            cutoutLength,
            dataOptions.device());
    SearchData data = TrainingInputs.searchData(dataOptions, config, spec.commandLine().getErr());
    TrialResult result =
        new SearchTrainer(
                config,
                new ConsoleProgress<SearchEpoch>(
                    spec.commandLine().getErr(),
                    epochs,
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
