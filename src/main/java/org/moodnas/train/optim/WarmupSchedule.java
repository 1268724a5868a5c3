package org.moodnas.train.optim;

/**
 * A linear warm-up in front of a cosine schedule, as PC-DARTS's ImageNet search does for batches
 * above 256: epoch e &lt; {@code warmupEpochs} uses peak·(e + 1)/warmupEpochs, later epochs the
 * cosine's value for the same epoch (the cosine runs from epoch 0, under the warm-up).
 */
public record WarmupSchedule(CosineSchedule cosine, int warmupEpochs) {

  public WarmupSchedule {
    if (cosine == null || warmupEpochs < 0) {
      throw new IllegalArgumentException(
          "a warm-up needs a cosine schedule and ≥ 0 epochs, got " + warmupEpochs);
    }
  }

  public double at(int epoch) {
    return epoch < warmupEpochs ? cosine.max() * (epoch + 1) / warmupEpochs : cosine.at(epoch);
  }
}
