package org.moodnas.cli;

import org.moodnas.core.TrainingSpec;
import picocli.CommandLine.Option;

/**
 * The training settings a search and an evaluation share (published names too). Each command builds
 * it from its kind's defaults, which picocli shows as the options' defaults; on ImageNet the
 * settings not given come from the kind's ImageNet recipe instead (the descriptions say where it
 * differs). Fields are named after {@link TrainingSpec}'s components, so an error about a setting
 * names its flag.
 */
final class TrainingOptions {

  @Option(
      names = {"--init-channels", "--init_channels"},
      description = "channels of the first cell (imagenet: search 16, train 48)")
  int initChannels;

  @Option(names = "--layers", description = "cells of the network (imagenet: search 8, train 14)")
  int layers;

  @Option(
      names = {"--batch-size", "--batch_size"},
      description = "images per step (imagenet: search 128, train 1024)")
  int batchSize;

  @Option(
      names = "--epochs",
      description = "passes over the training images (imagenet: search 50, train 250)")
  int epochs;

  @Option(
      names = {"--learning-rate", "--learning_rate"},
      description = "SGD learning rate the schedule starts from (imagenet: 0.5)")
  double learningRate;

  @Option(
      names = {"--learning-rate-min", "--learning_rate_min"},
      description = "learning rate the cosine schedule ends at (imagenet: 0)")
  double learningRateMin;

  @Option(names = "--momentum", description = "SGD momentum")
  double momentum;

  @Option(
      names = {"--weight-decay", "--weight_decay"},
      description =
          "SGD weight decay (L2 added to the gradient). search: follows --objective as in the"
              + " published sweeps, 0 with l2 and 3e-4 with l1 (L1 with a fixed L2; plain L1:"
              + " --weight-decay 0); train: 3e-4 (imagenet: 3e-5)")
  double weightDecay;

  @Option(
      names = {"--grad-clip", "--grad_clip"},
      description = "global gradient norm clipped to this")
  double gradClip;

  @Option(
      names = {"--train-portion", "--train_portion"},
      description =
          "share of the training images that trains the weights; the rest trains the"
              + " architecture (search) or is a validation split that is only reported (train)"
              + " (imagenet: search 0.8, train 1)")
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

  /** The settings given, and {@code defaults}'s where an option was not given. */
  TrainingSpec spec(TrainingSpec defaults, GivenOptions given) {
    TrainingSpec d = defaults;
    return new TrainingSpec(
        given.or("initChannels", initChannels, d.initChannels()),
        given.or("layers", layers, d.layers()),
        given.or("batchSize", batchSize, d.batchSize()),
        given.or("epochs", epochs, d.epochs()),
        given.or("learningRate", learningRate, d.learningRate()),
        given.or("learningRateMin", learningRateMin, d.learningRateMin()),
        given.or("momentum", momentum, d.momentum()),
        given.or("weightDecay", weightDecay, d.weightDecay()),
        given.or("gradClip", gradClip, d.gradClip()),
        given.or("trainPortion", trainPortion, d.trainPortion()),
        given.or("cutout", cutout, d.cutout()),
        given.or("cutoutLength", cutoutLength, d.cutoutLength()),
        given.or("seed", seed, d.seed()));
  }
}
