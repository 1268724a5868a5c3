package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * How a network is trained, the settings a search and an evaluation share: network width and depth,
 * batches and epochs, SGD with a cosine learning rate from {@code learningRate} down to {@code
 * learningRateMin}, global-norm gradient clipping, the split of the training images ({@code
 * trainPortion}: the first part trains the weights, the rest the architecture or the validation),
 * DARTS's augmentation with optional cutout, and the random seed. Each kind checks its own ranges
 * on top ({@link SearchSpec}, {@link EvalSpec}).
 */
public record TrainingSpec(
    int initChannels,
    int layers,
    int batchSize,
    int epochs,
    double learningRate,
    double learningRateMin,
    double momentum,
    double weightDecay,
    double gradClip,
    double trainPortion,
    boolean cutout,
    int cutoutLength,
    long seed)
    implements Serializable {

  /**
   * PC-DARTS's ImageNet search and training warm the learning rate up over this many epochs when
   * their batches exceed {@link #WARMUP_ABOVE_BATCH}.
   */
  public static final int WARMUP_EPOCHS = 5;

  public static final int WARMUP_ABOVE_BATCH = 256;

  public TrainingSpec {
    require(initChannels >= 1, "initChannels", "must be ≥ 1, got " + initChannels);
    require(layers >= 1, "layers", "must be ≥ 1, got " + layers);
    require(batchSize >= 1, "batchSize", "must be ≥ 1, got " + batchSize);
    require(epochs >= 1, "epochs", "must be ≥ 1, got " + epochs);
    require(finite(learningRate), "learningRate", "must be finite and ≥ 0, got " + learningRate);
    require(
        finite(learningRateMin),
        "learningRateMin",
        "must be finite and ≥ 0, got " + learningRateMin);
    require(finite(momentum), "momentum", "must be finite and ≥ 0, got " + momentum);
    require(finite(weightDecay), "weightDecay", "must be finite and ≥ 0, got " + weightDecay);
    require(
        gradClip > 0 && finite(gradClip), "gradClip", "must be finite and > 0, got " + gradClip);
    require(
        trainPortion > 0 && trainPortion <= 1,
        "trainPortion",
        "must be in (0, 1], got " + trainPortion);
    require(cutoutLength >= 1, "cutoutLength", "must be ≥ 1, got " + cutoutLength);
  }

  private static boolean finite(double v) {
    return v >= 0 && Double.isFinite(v);
  }

  /** The cutout square's side, 0 when cutout is off. */
  public int cutoutOrZero() {
    return cutout ? cutoutLength : 0;
  }

  /**
   * Whether training on {@code dataset} warms up over the first {@link #WARMUP_EPOCHS} epochs: on
   * ImageNet with batches above {@link #WARMUP_ABOVE_BATCH}, never on the other sets.
   */
  public boolean warmsUpOn(DatasetKind dataset) {
    return dataset == DatasetKind.IMAGENET && batchSize > WARMUP_ABOVE_BATCH;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Settings by name, from a starting spec; {@link #build()} checks them. */
  public static final class Builder {
    private int initChannels;
    private int layers;
    private int batchSize;
    private int epochs;
    private double learningRate;
    private double learningRateMin;
    private double momentum;
    private double weightDecay;
    private double gradClip;
    private double trainPortion;
    private boolean cutout;
    private int cutoutLength;
    private long seed;

    private Builder(TrainingSpec s) {
      initChannels = s.initChannels;
      layers = s.layers;
      batchSize = s.batchSize;
      epochs = s.epochs;
      learningRate = s.learningRate;
      learningRateMin = s.learningRateMin;
      momentum = s.momentum;
      weightDecay = s.weightDecay;
      gradClip = s.gradClip;
      trainPortion = s.trainPortion;
      cutout = s.cutout;
      cutoutLength = s.cutoutLength;
      seed = s.seed;
    }

    public Builder initChannels(int v) {
      initChannels = v;
      return this;
    }

    public Builder layers(int v) {
      layers = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    public Builder learningRateMin(double v) {
      learningRateMin = v;
      return this;
    }

    public Builder momentum(double v) {
      momentum = v;
      return this;
    }

    public Builder weightDecay(double v) {
      weightDecay = v;
      return this;
    }

    public Builder gradClip(double v) {
      gradClip = v;
      return this;
    }

    public Builder trainPortion(double v) {
      trainPortion = v;
      return this;
    }

    public Builder cutout(boolean v) {
      cutout = v;
      return this;
    }

    public Builder cutoutLength(int v) {
      cutoutLength = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public TrainingSpec build() {
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
}
