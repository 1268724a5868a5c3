package org.moodnas.train;

import ai.djl.Device;

/**
 * Every setting of one search trial. Defaults (see {@link #defaults()}) are the published PC-DARTS
 * / MOOD-NAS ones.
 */
public record SearchConfig(
    Objective objective,
    double regWeight,
    double criterionWeight,
    int batchSize,
    int epochs,
    int initChannels,
    int layers,
    double trainPortion,
    double subsample,
    long seed,
    double learningRate,
    double learningRateMin,
    double momentum,
    double weightDecay,
    double gradClip,
    double archLearningRate,
    double archWeightDecay,
    int archWarmupEpochs,
    boolean cutout,
    int cutoutLength,
    Device device) {

  public SearchConfig {
    require(regWeight >= 0 && Double.isFinite(regWeight), "--weight must be a finite ν ≥ 0");
    require(
        criterionWeight >= 0 && Double.isFinite(criterionWeight), "--criterion-weight must be ≥ 0");
    require(batchSize >= 1, "--batch-size must be ≥ 1");
    require(epochs >= 1, "--epochs must be ≥ 1");
    require(layers >= 1, "--layers must be ≥ 1");
    require(
        initChannels >= MIN_CHANNELS && initChannels % MIN_CHANNELS == 0,
        "--init-channels must be a multiple of 8 (PC-DARTS runs each op on a quarter of an even channel count)");
    require(trainPortion > 0 && trainPortion < 1, "--train-portion must be in (0, 1)");
    require(subsample > 0 && subsample <= 1, "--subsample must be in (0, 1]");
    require(archWarmupEpochs >= 0, "--arch-warmup-epochs must be ≥ 0");
    require(gradClip > 0, "--grad-clip must be > 0");
  }

  private static final int MIN_CHANNELS = 8;

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** PC-DARTS's train_search.py defaults, objective L2 with ν = 0. */
  public static SearchConfig defaults() {
    return new SearchConfig(
        Objective.L2,
        0.0,
        1.0,
        256,
        50,
        16,
        8,
        0.5,
        1.0,
        2,
        0.1,
        0.001,
        0.9,
        3e-4,
        5.0,
        6e-4,
        1e-3,
        15,
        false,
        16,
        Device.cpu());
  }
}
