package org.moodnas.cli;

import org.moodnas.core.TrainingSpec;
import picocli.CommandLine.Option;

/**
 * The training settings a search and an evaluation share (published names too). Each command builds
 * it from its kind's defaults, which picocli shows as the options' defaults; fields are named after
 * {@link TrainingSpec}'s components, so an error about a setting names its flag.
 */
final class TrainingOptions {

  @Option(
      names = {"--init-channels", "--init_channels"},
      description = "channels of the first cell")
  int initChannels;

  @Option(names = "--layers", description = "cells of the network")
  int layers;

  @Option(
      names = {"--batch-size", "--batch_size"},
      description = "images per step")
  int batchSize;

  @Option(names = "--epochs", description = "passes over the training images")
  int epochs;

  @Option(
      names = {"--learning-rate", "--learning_rate"},
      description = "SGD learning rate the schedule starts from")
  double learningRate;

  @Option(
      names = {"--learning-rate-min", "--learning_rate_min"},
      description = "learning rate the cosine schedule ends at")
  double learningRateMin;

  @Option(names = "--momentum", description = "SGD momentum")
  double momentum;

  @Option(
      names = {"--weight-decay", "--weight_decay"},
      description = "SGD weight decay (L2 added to the gradient)")
  double weightDecay;

  @Option(
      names = {"--grad-clip", "--grad_clip"},
      description = "global gradient norm clipped to this")
  double gradClip;

  @Option(
      names = {"--train-portion", "--train_portion"},
      description =
          "share of the training images that trains the weights; the rest trains the"
              + " architecture (search) or is a validation split that is only reported (train)")
  double trainPortion;

  @Option(names = "--cutout", description = "cutout augmentation")
  boolean cutout;

  @Option(
      names = {"--cutout-length", "--cutout_length"},
      description = "side of the cutout square")
  int cutoutLength;

  @Option(names = "--seed", description = "random seed (subsample, initialization, batches)")
  long seed;

  // Console progress only: Spark jobs report progress from executor heartbeats instead.
  @Option(
      names = {"--report-freq", "--report_freq"},
      description = "a progress line every N steps")
  int reportFreq = 50;

  TrainingOptions(TrainingSpec defaults) {
    initChannels = defaults.initChannels();
    layers = defaults.layers();
    batchSize = defaults.batchSize();
    epochs = defaults.epochs();
    learningRate = defaults.learningRate();
    learningRateMin = defaults.learningRateMin();
    momentum = defaults.momentum();
    weightDecay = defaults.weightDecay();
    gradClip = defaults.gradClip();
    trainPortion = defaults.trainPortion();
    cutout = defaults.cutout();
    cutoutLength = defaults.cutoutLength();
    seed = defaults.seed();
  }

  TrainingSpec spec() {
    return new TrainingSpec(
        initChannels,
        layers,
        batchSize,
        epochs,
        learningRate,
        learningRateMin,
        momentum,
        weightDecay,
        gradClip,
        trainPortion,
        cutout,
        cutoutLength,
        seed);
  }
}
