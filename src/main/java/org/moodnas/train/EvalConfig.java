package org.moodnas.train;

/**
 * Every setting of one evaluation (training a genotype from scratch); PC-DARTS train.py defaults.
 */
public record EvalConfig(
    int initChannels,
    int layers,
    boolean auxiliary,
    double auxiliaryWeight,
    boolean cutout,
    int cutoutLength,
    double dropPathProb,
    int epochs,
    int batchSize,
    double learningRate,
    double learningRateMin,
    double momentum,
    double weightDecay,
    double gradClip,
    double trainPortion,
    double subsample,
    long seed,
    DeviceSpec device)
    implements java.io.Serializable {

  public EvalConfig {
    check(initChannels >= 2 && initChannels % 2 == 0, "--init-channels must be an even number ≥ 2");
    check(layers >= 3, "--layers must be ≥ 3");
    check(epochs >= 1, "--epochs must be ≥ 1");
    check(batchSize >= 1, "--batch-size must be ≥ 1");
    check(dropPathProb >= 0 && dropPathProb < 1, "--drop-path-prob must be in [0, 1)");
    check(trainPortion > 0 && trainPortion <= 1, "--train-portion must be in (0, 1]");
    check(subsample > 0 && subsample <= 1, "--subsample must be in (0, 1]");
    check(gradClip > 0, "--grad-clip must be > 0");
    check(cutoutLength >= 1, "--cutout-length must be ≥ 1");
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public static EvalConfig defaults() {
    return new EvalConfig(
        36,
        20,
        false,
        0.4,
        false,
        16,
        0.3,
        600,
        96,
        0.025,
        0.0,
        0.9,
        3e-4,
        5.0,
        1.0,
        1.0,
        0,
        DeviceSpec.CPU);
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Settings by name; {@link #build()} validates them. */
  public static final class Builder {
    private int initChannels;
    private int layers;
    private boolean auxiliary;
    private double auxiliaryWeight;
    private boolean cutout;
    private int cutoutLength;
    private double dropPathProb;
    private int epochs;
    private int batchSize;
    private double learningRate;
    private double learningRateMin;
    private double momentum;
    private double weightDecay;
    private double gradClip;
    private double trainPortion;
    private double subsample;
    private long seed;
    private DeviceSpec device;

    private Builder(EvalConfig c) {
      initChannels = c.initChannels();
      layers = c.layers();
      auxiliary = c.auxiliary();
      auxiliaryWeight = c.auxiliaryWeight();
      cutout = c.cutout();
      cutoutLength = c.cutoutLength();
      dropPathProb = c.dropPathProb();
      epochs = c.epochs();
      batchSize = c.batchSize();
      learningRate = c.learningRate();
      learningRateMin = c.learningRateMin();
      momentum = c.momentum();
      weightDecay = c.weightDecay();
      gradClip = c.gradClip();
      trainPortion = c.trainPortion();
      subsample = c.subsample();
      seed = c.seed();
      device = c.device();
    }

    public Builder initChannels(int initChannels) {
      this.initChannels = initChannels;
      return this;
    }

    public Builder layers(int layers) {
      this.layers = layers;
      return this;
    }

    public Builder auxiliary(boolean auxiliary) {
      this.auxiliary = auxiliary;
      return this;
    }

    public Builder auxiliaryWeight(double auxiliaryWeight) {
      this.auxiliaryWeight = auxiliaryWeight;
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

    public Builder dropPathProb(double dropPathProb) {
      this.dropPathProb = dropPathProb;
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
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

    public Builder device(DeviceSpec device) {
      this.device = device;
      return this;
    }

    public EvalConfig build() {
      return new EvalConfig(
          initChannels,
          layers,
          auxiliary,
          auxiliaryWeight,
          cutout,
          cutoutLength,
          dropPathProb,
          epochs,
          batchSize,
          learningRate,
          learningRateMin,
          momentum,
          weightDecay,
          gradClip,
          trainPortion,
          subsample,
          seed,
          device);
    }
  }
}
