package org.moodnas.data;

import java.util.Random;

/**
 * DARTS's CIFAR training augmentation on a normalized image: random crop of the image padded by
 * {@code padding} on every side, horizontal flip with p = 0.5 (when {@code flip}), then cutout of a
 * {@code cutoutLength} square (0 = off). Padding 0, no flip and no cutout is the identity.
 *
 * <p>DARTS pads the raw image with 0 (black) before ToTensor and Normalize, so the padded border
 * here is the normalized value of black, (0 − mean) / std per channel, not 0. Cutout comes after
 * Normalize in DARTS and sets the square to 0 in normalized space, as here.
 */
public record Augmentation(int padding, boolean flip, int cutoutLength) implements ImageTransform {

  /** No augmentation. */
  public static final Augmentation NONE = new Augmentation(0, false, 0);

  public Augmentation {
    if (padding < 0) {
      throw new IllegalArgumentException("crop padding must be >= 0, got " + padding);
    }
    if (cutoutLength < 0) {
      throw new IllegalArgumentException(
          "cutout length must be >= 0 (0 = off), got " + cutoutLength);
    }
  }

  /** DARTS on CIFAR: pad 4, random crop, flip, and cutout of {@code cutoutLength} (0 = off). */
  public static Augmentation cifar(int cutoutLength) {
    return new Augmentation(4, true, cutoutLength);
  }

  @Override
  public int outHeight(int height) {
    return height;
  }

  @Override
  public int outWidth(int width) {
    return width;
  }

  @Override
  public void apply(
      float[] src,
      int channels,
      int height,
      int width,
      Normalization norm,
      Random random,
      float[] dst,
      int offset) {
    // Draws in torchvision's order: crop offsets, flip, then the cutout centre.
    int dy = padding > 0 ? random.nextInt(2 * padding + 1) - padding : 0;
    int dx = padding > 0 ? random.nextInt(2 * padding + 1) - padding : 0;
    boolean mirror = flip && random.nextBoolean();
    int plane = height * width;
    for (int c = 0; c < channels; c++) {
      float black = -norm.mean()[c] / norm.std()[c];
      int in = c * plane;
      int out = offset + c * plane;
      for (int y = 0; y < height; y++) {
        int sy = y + dy;
        boolean rowInside = sy >= 0 && sy < height;
        for (int x = 0; x < width; x++) {
          // The crop is taken first, then mirrored: output x shows crop column width-1-x.
          int sx = (mirror ? width - 1 - x : x) + dx;
          dst[out + y * width + x] =
              rowInside && sx >= 0 && sx < width ? src[in + sy * width + sx] : black;
        }
      }
    }
    if (cutoutLength > 0) {
      cutout(dst, offset, channels, height, width, random);
    }
  }

  // As DARTS's Cutout: centre uniform over the image, square clipped to it, set to 0.
  private void cutout(float[] img, int offset, int channels, int height, int width, Random random) {
    int cy = random.nextInt(height);
    int cx = random.nextInt(width);
    int half = cutoutLength / 2;
    int y1 = Math.max(0, cy - half);
    int y2 = Math.min(height, cy + half);
    int x1 = Math.max(0, cx - half);
    int x2 = Math.min(width, cx + half);
    for (int c = 0; c < channels; c++) {
      for (int y = y1; y < y2; y++) {
        int row = offset + (c * height + y) * width;
        java.util.Arrays.fill(img, row + x1, row + x2, 0f);
      }
    }
  }
}
