package org.moodnas.core;

import static org.moodnas.core.InvalidSettingException.require;

import java.io.Serializable;

/**
 * Everything training one genotype from scratch needs: the auxiliary head and its loss weight, the
 * drop-path probability (reached at the last epoch), how the network trains, the data and the
 * device. {@link #DEFAULTS} are PC-DARTS's train.py settings.
 */
public record EvalSpec(
    boolean auxiliary,
    double auxiliaryWeight,
    double dropPathProb,
    TrainingSpec training,
    DataSource data,
    DeviceSpec device)
    implements Serializable {

  public static final EvalSpec DEFAULTS =
      new EvalSpec(
          false,
          0.4,
          0.3,
          new TrainingSpec(36, 20, 96, 600, 0.025, 0, 0.9, 3e-4, 5, 1.0, false, 16, 0),
          DataSource.FASHION_MNIST,
          DeviceSpec.CPU);

  public EvalSpec {
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
    return new EvalSpec(on, auxiliaryWeight, dropPathProb, training, data, device);
  }

  public EvalSpec withTraining(TrainingSpec t) {
    return new EvalSpec(auxiliary, auxiliaryWeight, dropPathProb, t, data, device);
  }

  public EvalSpec withData(DataSource d) {
    return new EvalSpec(auxiliary, auxiliaryWeight, dropPathProb, training, d, device);
  }

  public EvalSpec withDevice(DeviceSpec d) {
    return new EvalSpec(auxiliary, auxiliaryWeight, dropPathProb, training, data, d);
  }

  /** The same training with batches of {@code size}. */
  public EvalSpec withBatchSize(int size) {
    return withTraining(training.toBuilder().batchSize(size).build());
  }
}
