package org.moodnas.data;

import java.util.Random;

/**
 * A per-image transform applied to one normalized C×H×W image during batching. It may change the
 * spatial size (ImageNet crops 256 to 224), never the channel count.
 */
public interface ImageTransform {

  /** Output height for an input of {@code height}. */
  int outHeight(int height);

  /** Output width for an input of {@code width}. */
  int outWidth(int width);

  /**
   * Transforms {@code src} (normalized with {@code norm}, C×H×W) and writes C×outH×outW floats to
   * {@code dst} from {@code offset}; all randomness comes from {@code random}.
   */
  void apply(
      float[] src,
      int channels,
      int height,
      int width,
      Normalization norm,
      Random random,
      float[] dst,
      int offset);

  /** As {@link #apply(float[], int, int, int, Normalization, Random, float[], int)}, new array. */
  default float[] apply(
      float[] src, int channels, int height, int width, Normalization norm, Random random) {
    float[] out = new float[channels * outHeight(height) * outWidth(width)];
    apply(src, channels, height, width, norm, random, out, 0);
    return out;
  }
}
