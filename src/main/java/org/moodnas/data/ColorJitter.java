package org.moodnas.data;

import java.util.Random;

/**
 * torchvision's ColorJitter on float pixels: brightness, contrast and saturation factors uniform in
 * [max(0, 1 − j), 1 + j], a hue shift uniform in [−hue, hue]; the four adjustments run in a random
 * order, each skipped when its strength is 0. Pixels are clamped to [0, 1] after every step (raw
 * pixel space); saturation and hue act on 3-channel images only. Hue rotates h in HSV by the shift
 * modulo 1, with the formulas of torchvision's tensor functions (the PIL path would round to 8-bit
 * HSV instead).
 */
public record ColorJitter(float brightness, float contrast, float saturation, float hue) {

  /** No jitter at all. */
  public static final ColorJitter NONE = new ColorJitter(0, 0, 0, 0);

  public ColorJitter {
    if (!(brightness >= 0 && contrast >= 0 && saturation >= 0)) {
      throw new IllegalArgumentException("jitter strengths must be >= 0");
    }
    if (!(hue >= 0 && hue <= 0.5f)) {
      throw new IllegalArgumentException("hue jitter must be in [0, 0.5], got " + hue);
    }
  }

  /** Whether any adjustment is on. */
  public boolean enabled() {
    return brightness > 0 || contrast > 0 || saturation > 0 || hue > 0;
  }

  /**
   * Jitters the normalized C×plane image at {@code offset} in place: torchvision's get_params order
   * (a permutation of the four, then the brightness, contrast, saturation and hue draws).
   */
  void apply(float[] img, int offset, int channels, int plane, Normalization norm, Random random) {
    int[] order = {0, 1, 2, 3};
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    float b = brightness > 0 ? factor(brightness, random) : 1;
    float c = contrast > 0 ? factor(contrast, random) : 1;
    float s = saturation > 0 ? factor(saturation, random) : 1;
    float h = hue > 0 ? -hue + 2 * hue * random.nextFloat() : 0;
    // The adjustments clamp in raw [0, 1] space, so undo and redo the normalization around them.
    for (int ch = 0; ch < channels; ch++) {
      float m = norm.mean()[ch];
      float sd = norm.std()[ch];
      for (int i = offset + ch * plane, end = i + plane; i < end; i++) {
        img[i] = img[i] * sd + m;
      }
    }
    for (int op : order) {
      if (op == 0 && brightness > 0) {
        for (int i = offset, end = offset + channels * plane; i < end; i++) {
          img[i] = clamp(img[i] * b);
        }
      } else if (op == 1 && contrast > 0) {
        blendWithMeanGrey(img, offset, channels, plane, c);
      } else if (op == 2 && saturation > 0 && channels == 3) {
        blendWithGrey(img, offset, plane, s);
      } else if (op == 3 && hue > 0 && channels == 3) {
        shiftHue(img, offset, plane, h);
      }
    }
    for (int ch = 0; ch < channels; ch++) {
      float m = norm.mean()[ch];
      float sd = norm.std()[ch];
      for (int i = offset + ch * plane, end = i + plane; i < end; i++) {
        img[i] = (img[i] - m) / sd;
      }
    }
  }

  /** Contrast: f·x + (1 − f)·(the image's mean grey). */
  private static void blendWithMeanGrey(float[] img, int offset, int channels, int plane, float f) {
    double sum = 0;
    for (int p = 0; p < plane; p++) {
      sum += channels == 3 ? grey(img, offset, plane, p) : img[offset + p];
    }
    float mean = (float) (sum / plane);
    for (int i = offset, end = offset + channels * plane; i < end; i++) {
      img[i] = clamp(f * img[i] + (1 - f) * mean);
    }
  }

  /** Saturation: f·x + (1 − f)·(the pixel's grey). */
  private static void blendWithGrey(float[] img, int offset, int plane, float f) {
    for (int p = 0; p < plane; p++) {
      float g = grey(img, offset, plane, p);
      for (int c = 0; c < 3; c++) {
        int i = offset + c * plane + p;
        img[i] = clamp(f * img[i] + (1 - f) * g);
      }
    }
  }

  /** Hue: each RGB pixel (planar, raw [0, 1]) to HSV, h + shift modulo 1, back to RGB. */
  static void shiftHue(float[] img, int offset, int plane, float shift) {
    float[] px = new float[3];
    for (int p = offset, end = offset + plane; p < end; p++) {
      rgbToHsv(img[p], img[p + plane], img[p + 2 * plane], px);
      float h = px[0] + shift; // in [-0.5, 1.5): modulo 1, non-negative as torch's remainder
      h = h < 0 ? h + 1 : (h >= 1 ? h - 1 : h);
      hsvToRgb(h, px[1], px[2], px);
      img[p] = px[0];
      img[p + plane] = px[1];
      img[p + 2 * plane] = px[2];
    }
  }

  /** torchvision's _rgb2hsv for one pixel: {h in [0, 1), s, v} into {@code out}. */
  static void rgbToHsv(float r, float g, float b, float[] out) {
    float max = Math.max(r, Math.max(g, b));
    float min = Math.min(r, Math.min(g, b));
    float range = max - min;
    boolean grey = max == min; // no hue: h = 0, s = 0 (and no division by 0)
    float divisor = grey ? 1 : range;
    // torchvision's (max − b)/range − (max − g)/range etc., as one division each
    float h;
    if (max == r) {
      h = (g - b) / divisor;
    } else if (max == g) {
      h = 2 + (b - r) / divisor;
    } else {
      h = 4 + (r - g) / divisor;
    }
    float turns = h / 6 + 1; // in [5/6, 11/6]: fmod(turns, 1) is turns - 1 above 1, exactly
    out[0] = turns >= 1 ? turns - 1 : turns;
    out[1] = range / (grey ? 1 : max);
    out[2] = max;
  }

  /** torchvision's _hsv2rgb for one pixel: {r, g, b} into {@code out}. */
  static void hsvToRgb(float h, float s, float v, float[] out) {
    float h6 = h * 6; // h in [0, 1]: truncation is floor
    int sector = (int) h6;
    float f = h6 - sector;
    float p = clamp(v * (1 - s));
    float q = clamp(v * (1 - s * f));
    float t = clamp(v * (1 - s * (1 - f)));
    float r;
    float g;
    float b;
    switch (sector) { // 6 (h rounded up to 1) is sector 0 again, as torch's i % 6
      case 0 -> {
        r = v;
        g = t;
        b = p;
      }
      case 1 -> {
        r = q;
        g = v;
        b = p;
      }
      case 2 -> {
        r = p;
        g = v;
        b = t;
      }
      case 3 -> {
        r = p;
        g = q;
        b = v;
      }
      case 4 -> {
        r = t;
        g = p;
        b = v;
      }
      case 5 -> {
        r = v;
        g = p;
        b = q;
      }
      default -> {
        r = v;
        g = t;
        b = p;
      }
    }
    out[0] = r;
    out[1] = g;
    out[2] = b;
  }

  private static float factor(float strength, Random random) {
    float lo = Math.max(0f, 1 - strength);
    return lo + (1 + strength - lo) * random.nextFloat();
  }

  // ITU-R 601 luma, as torchvision's rgb_to_grayscale.
  private static float grey(float[] img, int offset, int plane, int p) {
    return 0.2989f * img[offset + p]
        + 0.587f * img[offset + plane + p]
        + 0.114f * img[offset + 2 * plane + p];
  }

  private static float clamp(float v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }
}
