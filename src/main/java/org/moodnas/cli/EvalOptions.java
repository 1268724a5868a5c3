package org.moodnas.cli;

import org.moodnas.train.EvalConfig;
import picocli.CommandLine.Option;

/** The settings of training a genotype from scratch, published names too; train-one and train. */
final class EvalOptions {

  static final int DEFAULT_BATCH_SIZE = 96;

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
      description = "images per step (default 96; train: on GPUs the memory model's largest batch)")
  Integer batchSize;

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

  EvalConfig config(DataOptions data) {
    return EvalConfig.defaults().toBuilder()
        .initChannels(initChannels)
        .layers(layers)
        .auxiliary(auxiliary)
        .auxiliaryWeight(auxiliaryWeight)
        .cutout(cutout)
        .cutoutLength(cutoutLength)
        .dropPathProb(dropPathProb)
        .epochs(epochs)
        .batchSize(batchSize == null ? DEFAULT_BATCH_SIZE : batchSize)
        .learningRate(learningRate)
        .learningRateMin(learningRateMin)
        .momentum(momentum)
        .weightDecay(weightDecay)
        .gradClip(gradClip)
        .trainPortion(trainPortion)
        .subsample(data.subsample)
        .seed(data.seed == null ? 0 : data.seed)
        .device(data.device())
        .build();
  }
}
