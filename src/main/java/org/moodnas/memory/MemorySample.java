package org.moodnas.memory;

/** One observation of GPU memory: a network of this size trained with this batch used this much. */
public record MemorySample(double modelSizeMb, int batchSize, double gpuMb) {

  public MemorySample {
    if (!(modelSizeMb > 0) || !Double.isFinite(modelSizeMb)) {
      throw new IllegalArgumentException("model size " + modelSizeMb + " MB is not positive");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " is not positive");
    }
    if (!(gpuMb > 0) || !Double.isFinite(gpuMb)) {
      throw new IllegalArgumentException("GPU memory " + gpuMb + " MB is not positive");
    }
  }
}
