package org.moodnas.data;

import java.util.Arrays;

/**
 * Images held as unsigned bytes, each image channel-major (C×H×W) one after the other, with one
 * label per image in 0..classes-1. All images of a set have the same shape.
 */
public record ImageSet(
    byte[] pixels, int[] labels, int channels, int height, int width, int classes) {

  public ImageSet {
    if ((long) labels.length * channels * height * width != pixels.length) {
      throw new IllegalArgumentException(
          "image set: "
              + pixels.length
              + " pixel bytes do not hold "
              + labels.length
              + " images of "
              + channels
              + "×"
              + height
              + "×"
              + width);
    }
  }

  public int size() {
    return labels.length;
  }

  /** Bytes per image. */
  public int imageBytes() {
    return channels * height * width;
  }

  /** The images at {@code indices}, in that order. */
  public ImageSet subset(int[] indices) {
    int n = imageBytes();
    byte[] px = new byte[indices.length * n];
    int[] lb = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, indices[i] * n, px, i * n, n);
      lb[i] = labels[indices[i]];
    }
    return new ImageSet(px, lb, channels, height, width, classes);
  }

  /** Images [from, to). */
  public ImageSet range(int from, int to) {
    int n = imageBytes();
    return new ImageSet(
        Arrays.copyOfRange(pixels, from * n, to * n),
        Arrays.copyOfRange(labels, from, to),
        channels,
        height,
        width,
        classes);
  }
}
