package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * Everything one PC-DARTS search trial needs except its weight ν: the penalty, the architecture
 * optimizer (Adam on α and β, steps from epoch {@code archWarmupEpochs} on), how the supernet
 * trains, the data and the device. A sweep hands every trial the same spec and its own {@link
 * Weight}. {@link #DEFAULTS} are PC-DARTS's train_search.py settings with the published L2 sweep's
 * weight decay; {@link #publishedFor} gives the published recipe of a dataset and objective:
 * train_search_imagenet.py's for ImageNet, and the SGD weight decay of the published sweeps ({@link
 * #publishedWeightDecay}).
 */
public record SearchSpec(
    Objective objective,
    double archLearningRate,
    double archWeightDecay,
    int archWarmupEpochs,
    TrainingSpec training,
    DataSource data,
    DeviceSpec device)
    implements Serializable {

  /**
   * PC-DARTS runs each operation on a quarter (CIFAR) or a half (ImageNet) of the channels, which
   * must stay even.
   */
  public static final int CHANNEL_MULTIPLE = 8;

  public static final SearchSpec DEFAULTS =
      new SearchSpec(
          Objective.L2,
          6e-4,
          1e-3,
          15,
          new TrainingSpec(16, 8, 256, 50, 0.1, 0.001, 0.9, 0, 5, 0.5, false, 16, 2),
          DataSource.FASHION_MNIST,
          DeviceSpec.CPU);

  /**
   * train_search_imagenet.py: batches of 128 (its default, below the 256 above which it would warm
   * the learning rate up) at learning rate 0.5 falling to 0, architecture steps at 6e-3 from epoch
   * 35, and the published subsets: {@link #IMAGENET_SUBSAMPLE} of the images, split 4 : 1, so 10 %
   * train the weights and 2.5 % α and β.
   */
  private static final SearchSpec IMAGENET =
      DEFAULTS
          .withArchitecture(6e-3, 1e-3, 35)
          .withTraining(new TrainingSpec(16, 8, 128, 50, 0.5, 0, 0.9, 0, 5, 0.8, false, 16, 2));

  /**
   * The SGD weight decay of the published sweeps with a penalty on Σ|w| ("L1 with a fixed L2", the
   * CIFAR-100 and ImageNet sweeps): train_search.py's default.
   */
  public static final double FIXED_L2_WEIGHT_DECAY = 3e-4;

  /** The share of ImageNet's training images train_search_imagenet.py searches on. */
  public static final double IMAGENET_SUBSAMPLE = 0.125;

  public SearchSpec {
    require(objective != null, "objective", "is required");
    require(
        archLearningRate >= 0 && Double.isFinite(archLearningRate),
        "archLearningRate",
        "must be finite and ≥ 0, got " + archLearningRate);
    require(
        archWeightDecay >= 0 && Double.isFinite(archWeightDecay),
        "archWeightDecay",
        "must be finite and ≥ 0, got " + archWeightDecay);
    require(archWarmupEpochs >= 0, "archWarmupEpochs", "must be ≥ 0, got " + archWarmupEpochs);
    require(
        training.initChannels() % CHANNEL_MULTIPLE == 0,
        "initChannels",
        "must be a multiple of 8 (PC-DARTS runs each op on a quarter of an even channel count),"
            + " got "
            + training.initChannels());
    require(
        training.trainPortion() < 1,
        "trainPortion",
        "must be in (0, 1): the rest trains the architecture, got " + training.trainPortion());
  }

  /**
   * The published search of {@code objective} on {@code data}'s dataset, reading {@code data}:
   * train_search_imagenet.py's settings on ImageNet, train_search.py's ({@link #DEFAULTS})
   * elsewhere, with the weight decay the published sweeps paired with the objective.
   */
  public static SearchSpec publishedFor(DataSource data, Objective objective) {
    SearchSpec recipe = data.dataset() == DatasetKind.IMAGENET ? IMAGENET : DEFAULTS;
    return recipe
        .withData(data)
        .withObjective(objective)
        .withTraining(
            recipe.training().toBuilder().weightDecay(publishedWeightDecay(objective)).build());
  }

  /**
   * The SGD weight decay the published sweeps used with {@code objective}: none beside the L2
   * penalty (the CIFAR-10 L2 sweep ran with weight decay 0), {@link #FIXED_L2_WEIGHT_DECAY} beside
   * the L1 penalty ("L1 with a fixed L2"). The published plain-L1 sweep on CIFAR-10 (weight decay
   * 0) is the one pairing not chosen by default: its weight decay of 0 must be given.
   */
  public static double publishedWeightDecay(Objective objective) {
    return objective == Objective.L1 ? FIXED_L2_WEIGHT_DECAY : 0;
  }

  /**
   * The share of {@code dataset}'s training images PC-DARTS searches on: ImageNet's subset, else
   * all.
   */
  public static double publishedSubsample(DatasetKind dataset) {
    return dataset == DatasetKind.IMAGENET ? IMAGENET_SUBSAMPLE : 1;
  }

  /** The same search with this architecture optimizer (learning rate, decay, first epoch). */
  public SearchSpec withArchitecture(double learningRate, double weightDecay, int warmupEpochs) {
    return new SearchSpec(
        objective, learningRate, weightDecay, warmupEpochs, training, data, device);
  }

  public SearchSpec withObjective(Objective o) {
    return new SearchSpec(
        o, archLearningRate, archWeightDecay, archWarmupEpochs, training, data, device);
  }

  public SearchSpec withArchWarmupEpochs(int epochs) {
    return new SearchSpec(
        objective, archLearningRate, archWeightDecay, epochs, training, data, device);
  }

  public SearchSpec withTraining(TrainingSpec t) {
    return new SearchSpec(
        objective, archLearningRate, archWeightDecay, archWarmupEpochs, t, data, device);
  }

  public SearchSpec withData(DataSource d) {
    return new SearchSpec(
        objective, archLearningRate, archWeightDecay, archWarmupEpochs, training, d, device);
  }

  public SearchSpec withDevice(DeviceSpec d) {
    return new SearchSpec(
        objective, archLearningRate, archWeightDecay, archWarmupEpochs, training, data, d);
  }
}
