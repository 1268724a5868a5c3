package org.moodnas.data;

import java.util.Arrays;

/**
 * Images held in memory as unsigned bytes, each image channel-major (C×H×W) one after the other,
 * with one label per image in 0..classes-1. All images of a set have the same shape.
 */
public record ImageSet(
    byte[] pixels, int[] labels, int channels, int height, int width, int classes)
    implements ImageSource {

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

  /** All images of {@code source} in memory (for small sets: one array holds at most 2 GB). */
  public static ImageSet copyOf(ImageSource source) {
    if (source instanceof ImageSet set) {
      return set;
    }
    int n = source.imageBytes();
    byte[] px = new byte[Math.multiplyExact(source.size(), n)];
    int[] order = new int[source.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    try (ImageStream stream = source.stream(order, 64)) {
      for (int i = 0; i < order.length; i++) {
        ImageStream.Pixels p = stream.next();
        System.arraycopy(p.data(), p.offset(), px, i * n, n);
      }
    }
    return new ImageSet(
        px,
        source.labels().clone(),
        source.channels(),
        source.height(),
        source.width(),
        source.classes());
  }

  /** The images at {@code indices}, in that order. */
  @Override
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
  @Override
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

  /** In memory there is nothing to read ahead: each image is a view of {@link #pixels()}. */
  @Override
  public ImageStream stream(int[] order, int ahead) {
    int n = imageBytes();
    return new ImageStream() {
      private int next;

      @Override
      public Pixels next() {
        return new Pixels(pixels, order[next++] * n);
      }

      @Override
      public void close() {}
    };
  }
}
