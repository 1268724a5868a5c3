package org.moodnas.data;

/**
 * One batch as plain arrays, so the trainer turns it into NDArrays itself: {@code data} holds
 * {@code count} normalized (and augmented) images in NCHW order, {@code labels} their classes.
 */
public record Batch(float[] data, int[] labels, int count, int channels, int height, int width) {

  public Batch {
    if (labels.length != count || (long) count * channels * height * width != data.length) {
      throw new IllegalArgumentException(
          "batch: "
              + data.length
              + " floats and "
              + labels.length
              + " labels do not hold "
              + count
              + " images of "
              + channels
              + "×"
              + height
              + "×"
              + width);
    }
  }

  /** NCHW shape, e.g. for {@code new Shape(batch.shape())}. */
  public long[] shape() {
    return new long[] {count, channels, height, width};
  }
}
