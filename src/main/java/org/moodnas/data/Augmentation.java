package org.moodnas.data;

import java.util.Random;

/**
 * DARTS's CIFAR training augmentation on one normalized image: random crop after zero padding of
 * the raw image (so the padding holds the normalized value of black), horizontal flip with p = ½,
 * and cutout (a length×length square, centre uniform over the image, clipped, set to 0 after
 * normalization as DARTS's Cutout does).
 */
public record Augmentation(int padding, boolean flip, int cutoutLength) {

  /** No augmentation (evaluation). */
  public static final Augmentation NONE = new Augmentation(0, false, 0);

  /** Random crop with 4 pixels of padding and flips, optional cutout. */
  public static Augmentation cifar(boolean cutout, int cutoutLength) {
    return new Augmentation(4, true, cutout ? cutoutLength : 0);
  }

  public boolean isNone() {
    return padding == 0 && !flip && cutoutLength == 0;
  }

  /**
   * Augments {@code image} (C×H×W, normalized) into {@code out} at {@code offset}; {@code black} is
   * each channel's normalized value of a 0 pixel.
   */
  public void apply(
      float[] image, int c, int h, int w, float[] black, Random rng, float[] out, int offset) {
    int dy = padding == 0 ? 0 : rng.nextInt(2 * padding + 1) - padding;
    int dx = padding == 0 ? 0 : rng.nextInt(2 * padding + 1) - padding;
    boolean mirror = flip && rng.nextBoolean();
    for (int ch = 0; ch < c; ch++) {
      int plane = ch * h * w;
      for (int y = 0; y < h; y++) {
        int sy = y + dy;
        for (int x = 0; x < w; x++) {
          int sx = (mirror ? w - 1 - x : x) + dx;
          out[offset + plane + y * w + x] =
              sy < 0 || sy >= h || sx < 0 || sx >= w ? black[ch] : image[plane + sy * w + sx];
        }
      }
    }
    if (cutoutLength > 0) {
      int cy = rng.nextInt(h);
      int cx = rng.nextInt(w);
      int y0 = Math.max(0, cy - cutoutLength / 2);
      int y1 = Math.min(h, cy + cutoutLength / 2);
      int x0 = Math.max(0, cx - cutoutLength / 2);
      int x1 = Math.min(w, cx + cutoutLength / 2);
      for (int ch = 0; ch < c; ch++) {
        for (int y = y0; y < y1; y++) {
          for (int x = x0; x < x1; x++) {
            out[offset + ch * h * w + y * w + x] = 0f;
          }
        }
      }
    }
  }
}
