package org.moodnas.cli;

import java.util.concurrent.Callable;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.train.EvalConfig;
import org.moodnas.train.EvalData;
import org.moodnas.train.EvalEpoch;
import org.moodnas.train.EvalResult;
import org.moodnas.train.EvalTrainer;
import org.moodnas.train.TrainingInputs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas train-one}: trains one genotype from scratch, result as JSON on stdout. */
@Command(
    name = "train-one",
    mixinStandardHelpOptions = true,
    description = "Train one genotype from scratch (PC-DARTS train.py); prints the result as JSON.")
final class TrainOneCommand implements Callable<Integer> {

  /** A registry name or a genotype's JSON. */
  static final class Which {
    @Option(names = "--arch", paramLabel = "NAME", description = "a registry genotype")
    String arch;

    @Option(names = "--genotype", paramLabel = "JSON", description = "a genotype as JSON")
    String genotypeJson;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Mixin DataOptions dataOptions;

  @Option(
      names = {"--init-channels", "--init_channels"},
      defaultValue = "36")
  int initChannels;

  @Option(names = "--layers", defaultValue = "20")
  int layers;

  @Option(names = "--auxiliary")
  boolean auxiliary;

  @Option(
      names = {"--auxiliary-weight", "--auxiliary_weight"},
      defaultValue = "0.4")
  double auxiliaryWeight;

  @Option(names = "--cutout")
  boolean cutout;

  @Option(
      names = {"--cutout-length", "--cutout_length"},
      defaultValue = "16")
  int cutoutLength;

  @Option(
      names = {"--drop-path-prob", "--drop_path_prob"},
      defaultValue = "0.3")
  double dropPathProb;

  @Option(names = "--epochs", defaultValue = "600")
  int epochs;

  @Option(
      names = {"--batch-size", "--batch_size"},
      defaultValue = "96")
  int batchSize;

  @Option(
      names = {"--learning-rate", "--learning_rate"},
      defaultValue = "0.025")
  double learningRate;

  @Option(
      names = {"--learning-rate-min", "--learning_rate_min"},
      defaultValue = "0")
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
      names = {"--train-portion", "--train_portion"},
      defaultValue = "1.0",
      description = "below 1, the rest is a validation split that is only reported")
  double trainPortion;

  @Option(
      names = "--checkpoint",
      paramLabel = "PATH",
      description = "where to write the trained network")
  String checkpoint;

  @Override
  public Integer call() {
    Genotype genotype =
        which.arch != null
            ? GenotypeRegistry.bundled().get(which.arch)
            : Genotype.fromJson(which.genotypeJson);
    EvalConfig config =
        EvalConfig.defaults().toBuilder()
            .initChannels(initChannels)
            .layers(layers)
            .auxiliary(auxiliary)
            .auxiliaryWeight(auxiliaryWeight)
            .cutout(cutout)
            .cutoutLength(cutoutLength)
            .dropPathProb(dropPathProb)
            .epochs(epochs)
            .batchSize(batchSize)
            .learningRate(learningRate)
            .learningRateMin(learningRateMin)
            .momentum(momentum)
            .weightDecay(weightDecay)
            .gradClip(gradClip)
            .trainPortion(trainPortion)
            .subsample(dataOptions.subsample)
            .seed(dataOptions.seed == null ? 0 : dataOptions.seed)
            .device(dataOptions.device())
            .build();
    EvalData data =
        TrainingInputs.evalData(dataOptions.source(), config, spec.commandLine().getErr());
    EvalResult result =
        new EvalTrainer(
                config,
                new ConsoleProgress<EvalEpoch>(
                    spec.commandLine().getErr(),
                    epochs,
                    dataOptions.reportFreq,
                    e ->
                        String.format(
                            "epoch %d done: train loss %.4f acc %.4f%s test loss %.4f acc %.4f (%.1f s)",
                            e.epoch() + 1,
                            e.trainLoss(),
                            e.trainAcc(),
                            e.validAcc() == null
                                ? ""
                                : String.format(" valid acc %.4f", e.validAcc()),
                            e.testLoss(),
                            e.testAcc(),
                            e.seconds())))
            .run(genotype, data, checkpoint);
    spec.commandLine().getOut().println(Json.write(result));
    spec.commandLine().getOut().flush();
    return "ok".equals(result.status()) ? 0 : 1;
  }
}
