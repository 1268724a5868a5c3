package org.moodnas.train;

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
    DeviceSpec device)
    implements java.io.Serializable {

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
        DeviceSpec.CPU);
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Settings by name; {@link #build()} validates them. */
  public static final class Builder {
    private Objective objective;
    private double regWeight;
    private double criterionWeight;
    private int batchSize;
    private int epochs;
    private int initChannels;
    private int layers;
    private double trainPortion;
    private double subsample;
    private long seed;
    private double learningRate;
    private double learningRateMin;
    private double momentum;
    private double weightDecay;
    private double gradClip;
    private double archLearningRate;
    private double archWeightDecay;
    private int archWarmupEpochs;
    private boolean cutout;
    private int cutoutLength;
    private DeviceSpec device;

    private Builder(SearchConfig c) {
      objective = c.objective();
      regWeight = c.regWeight();
      criterionWeight = c.criterionWeight();
      batchSize = c.batchSize();
      epochs = c.epochs();
      initChannels = c.initChannels();
      layers = c.layers();
      trainPortion = c.trainPortion();
      subsample = c.subsample();
      seed = c.seed();
      learningRate = c.learningRate();
      learningRateMin = c.learningRateMin();
      momentum = c.momentum();
      weightDecay = c.weightDecay();
      gradClip = c.gradClip();
      archLearningRate = c.archLearningRate();
      archWeightDecay = c.archWeightDecay();
      archWarmupEpochs = c.archWarmupEpochs();
      cutout = c.cutout();
      cutoutLength = c.cutoutLength();
      device = c.device();
    }

    public Builder objective(Objective objective) {
      this.objective = objective;
      return this;
    }

    public Builder regWeight(double regWeight) {
      this.regWeight = regWeight;
      return this;
    }

    public Builder criterionWeight(double criterionWeight) {
      this.criterionWeight = criterionWeight;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder initChannels(int initChannels) {
      this.initChannels = initChannels;
      return this;
    }

    public Builder layers(int layers) {
      this.layers = layers;
      return this;
    }

    public Builder trainPortion(double trainPortion) {
      this.trainPortion = trainPortion;
      return this;
    }

    public Builder subsample(double subsample) {
      this.subsample = subsample;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder learningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    public Builder learningRateMin(double learningRateMin) {
      this.learningRateMin = learningRateMin;
      return this;
    }

    public Builder momentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    public Builder weightDecay(double weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    public Builder gradClip(double gradClip) {
      this.gradClip = gradClip;
      return this;
    }

    public Builder archLearningRate(double archLearningRate) {
      this.archLearningRate = archLearningRate;
      return this;
    }

    public Builder archWeightDecay(double archWeightDecay) {
      this.archWeightDecay = archWeightDecay;
      return this;
    }

    public Builder archWarmupEpochs(int archWarmupEpochs) {
      this.archWarmupEpochs = archWarmupEpochs;
      return this;
    }

    public Builder cutout(boolean cutout) {
      this.cutout = cutout;
      return this;
    }

    public Builder cutoutLength(int cutoutLength) {
      this.cutoutLength = cutoutLength;
      return this;
    }

    public Builder device(DeviceSpec device) {
      this.device = device;
      return this;
    }

    public SearchConfig build() {
      return new SearchConfig(
          objective,
          regWeight,
          criterionWeight,
          batchSize,
          epochs,
          initChannels,
          layers,
          trainPortion,
          subsample,
          seed,
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
          device);
    }
  }
}
