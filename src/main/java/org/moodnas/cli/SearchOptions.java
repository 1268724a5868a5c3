package org.moodnas.cli;

import org.moodnas.train.SearchConfig;
import picocli.CommandLine.Option;

/** The settings of a search trial, published names too; shared by search-trial and search. */
final class SearchOptions {

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

  /** The trial settings; ν, criterion weight and objective are the caller's to set. */
  SearchConfig config(DataOptions data) {
    if (unrolled) {
      throw new IllegalArgumentException(
          "--unrolled (second-order DARTS) is not supported: PC-DARTS and MOOD-NAS search first-order");
    }
    return SearchConfig.defaults().toBuilder()
        .batchSize(batchSize)
        .epochs(epochs)
        .initChannels(initChannels)
        .layers(layers)
        .trainPortion(trainPortion)
        .subsample(data.subsample)
        .seed(data.seed == null ? 2 : data.seed)
        .learningRate(learningRate)
        .learningRateMin(learningRateMin)
        .momentum(momentum)
        .weightDecay(weightDecay)
        .gradClip(gradClip)
        .archLearningRate(archLearningRate)
        .archWeightDecay(archWeightDecay)
        .archWarmupEpochs(archWarmupEpochs)
        .cutout(cutout)
        .cutoutLength(cutoutLength)
        .device(data.device())
        .build();
  }
}
