package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * Everything training one genotype from scratch needs: the auxiliary head and its loss weight, the
 * drop-path probability (reached at the last epoch), the label smoothing ε of the training loss (0:
 * plain cross-entropy), the learning-rate schedule, how the network trains, the data and the
 * device. {@link #DEFAULTS} are PC-DARTS's train.py settings; {@link #publishedFor} gives
 * train_imagenet.py's for ImageNet.
 */
public record EvalSpec(
    boolean auxiliary,
    double auxiliaryWeight,
    double dropPathProb,
    double labelSmoothing,
    LrSchedule lrSchedule,
    TrainingSpec training,
    DataSource data,
    DeviceSpec device)
    implements Serializable {

  public static final EvalSpec DEFAULTS =
      new EvalSpec(
          false,
          0.4,
          0.3,
          0,
          LrSchedule.COSINE,
          new TrainingSpec(36, 20, 96, 600, 0.025, 0, 0.9, 3e-4, 5, 1.0, false, 16, 0),
          DataSource.FASHION_MNIST,
          DeviceSpec.CPU);

  /**
   * train_imagenet.py: 48 channels and 14 cells without the auxiliary head (its --auxiliary is off
   * by default; weight 0.4 when given), no drop path, 250 epochs of batches of 1024 at learning
   * rate 0.5 with the linear schedule (warmed up, {@link #warmsUp}), weight decay 3e-5, label
   * smoothing 0.1.
   */
  private static final EvalSpec IMAGENET =
      new EvalSpec(
          false,
          0.4,
          0,
          0.1,
          LrSchedule.LINEAR,
          new TrainingSpec(48, 14, 1024, 250, 0.5, 0, 0.9, 3e-5, 5, 1.0, false, 16, 0),
          DataSource.FASHION_MNIST,
          DeviceSpec.CPU);

  public EvalSpec {
    // Runs recorded before the schedule was a setting trained with the cosine schedule.
    lrSchedule = lrSchedule == null ? LrSchedule.COSINE : lrSchedule;
    require(
        labelSmoothing >= 0 && labelSmoothing < 1,
        "labelSmoothing",
        "must be in [0, 1), got " + labelSmoothing);
    // adjust_lr decays over the first epochs − 5 epochs and divides by that count.
    require(
        lrSchedule != LrSchedule.LINEAR || training.epochs() > 5,
        "epochs",
        "must be > 5 for the linear learning-rate schedule, got " + training.epochs());
    require(
        auxiliaryWeight >= 0 && Double.isFinite(auxiliaryWeight),
        "auxiliaryWeight",
        "must be finite and ≥ 0, got " + auxiliaryWeight);
    require(
        dropPathProb >= 0 && dropPathProb < 1,
        "dropPathProb",
        "must be in [0, 1), got " + dropPathProb);
    require(
        training.initChannels() % 2 == 0,
        "initChannels",
        "must be an even number ≥ 2, got " + training.initChannels());
    require(training.layers() >= 3, "layers", "must be ≥ 3, got " + training.layers());
  }

  public EvalSpec withAuxiliary(boolean on) {
    return new EvalSpec(
        on, auxiliaryWeight, dropPathProb, labelSmoothing, lrSchedule, training, data, device);
  }

  public EvalSpec withTraining(TrainingSpec t) {
    return new EvalSpec(
        auxiliary, auxiliaryWeight, dropPathProb, labelSmoothing, lrSchedule, t, data, device);
  }

  public EvalSpec withData(DataSource d) {
    return new EvalSpec(
        auxiliary, auxiliaryWeight, dropPathProb, labelSmoothing, lrSchedule, training, d, device);
  }

  public EvalSpec withDevice(DeviceSpec d) {
    return new EvalSpec(
        auxiliary, auxiliaryWeight, dropPathProb, labelSmoothing, lrSchedule, training, data, d);
  }

  /** The same evaluation with this label smoothing and learning-rate schedule. */
  public EvalSpec withRecipe(double smoothing, LrSchedule schedule) {
    return new EvalSpec(
        auxiliary, auxiliaryWeight, dropPathProb, smoothing, schedule, training, data, device);
  }

  /**
   * PC-DARTS's training settings for {@code data}'s dataset, reading {@code data}:
   * train_imagenet.py's on ImageNet, train.py's ({@link #DEFAULTS}) elsewhere.
   */
  public static EvalSpec publishedFor(DataSource data) {
    return (data.dataset() == DatasetKind.IMAGENET ? IMAGENET : DEFAULTS).withData(data);
  }

  /**
   * Whether the learning rate warms up, as train_imagenet.py's ({@link TrainingSpec#warmsUpOn}).
   */
  public boolean warmsUp() {
    return training.warmsUpOn(data.dataset());
  }

  /** Whether the evaluation records top-5 accuracies besides top-1 (ImageNet's). */
  public boolean recordsTop5() {
    return data.dataset() == DatasetKind.IMAGENET;
  }

  /** The same training with batches of {@code size}. */
  public EvalSpec withBatchSize(int size) {
    return withTraining(training.toBuilder().batchSize(size).build());
  }
}
