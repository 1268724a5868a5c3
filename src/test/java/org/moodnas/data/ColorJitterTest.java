package org.moodnas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColorJitterTest {

  private static final Normalization IMAGENET =
      new Normalization(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

  /** A planar 3-channel image of {@code n} pixels, all of colour {@code rgb}. */
  private static float[] filled(int n, float... rgb) {
    float[] img = new float[3 * n];
    for (int c = 0; c < 3; c++) {
      Arrays.fill(img, c * n, (c + 1) * n, rgb[c]);
    }
    return img;
  }

  private static float[] randomPixels(int n, long seed) {
    Random random = new Random(seed);
    float[] img = new float[3 * n];
    for (int i = 0; i < img.length; i++) {
      img[i] = random.nextFloat();
    }
    return img;
  }

  private static float hueOf(float[] img, int plane, int p) {
    float[] hsv = new float[3];
    ColorJitter.rgbToHsv(img[p], img[plane + p], img[2 * plane + p], hsv);
    return hsv[0];
  }

  @Test
  void aZeroHueShiftLeavesAnImageUnchanged() {
    int n = 500;
    float[] img = randomPixels(n, 1);
    float[] shifted = img.clone();
    ColorJitter.shiftHue(shifted, 0, n, 0f);
    for (int i = 0; i < img.length; i++) {
      assertThat(shifted[i]).isCloseTo(img[i], within(1e-5f));
    }
  }

  @Test
  void aThirdOfATurnMapsRedToGreenAndGreenToBlue() {
    float[] img = {1, 0, 0.5f, 0, 1, 0.25f, 0, 0, 0.25f}; // red, green, a dull red
    ColorJitter.shiftHue(img, 0, 3, 1f / 3);
    float[][] expected = {{0, 1, 0}, {0, 0, 1}, {0.25f, 0.5f, 0.25f}};
    for (int p = 0; p < 3; p++) {
      for (int c = 0; c < 3; c++) {
        assertThat(img[c * 3 + p])
            .as("pixel %d channel %d", p, c)
            .isCloseTo(expected[p][c], within(1e-5f));
      }
    }
    // Modulo 1: shifting blue back by -1/3 gives green, and past red wraps to magenta.
    float[] blue = filled(1, 0, 0, 1);
    ColorJitter.shiftHue(blue, 0, 1, -1f / 3);
    assertThat(blue).containsExactly(new float[] {0, 1, 0}, within(1e-5f));
    float[] red = filled(1, 1, 0, 0);
    ColorJitter.shiftHue(red, 0, 1, -1f / 6);
    assertThat(red).containsExactly(new float[] {1, 0, 1}, within(1e-5f));
  }

  @Test
  void greysKeepTheirValueUnderAnyHueShift() {
    float[] greys = {0, 0.2f, 0.5f, 1, 0, 0.2f, 0.5f, 1, 0, 0.2f, 0.5f, 1};
    for (float shift : new float[] {-0.5f, -0.2f, 0.13f, 0.2f, 0.5f}) {
      float[] img = greys.clone();
      ColorJitter.shiftHue(img, 0, 4, shift);
      assertThat(img).containsExactly(greys, within(1e-6f));
    }
  }

  @Test
  void rgbToHsvAndBackIsTheIdentity() {
    Random random = new Random(7);
    float[] hsv = new float[3];
    float[] rgb = new float[3];
    for (int i = 0; i < 100_000; i++) {
      float r = random.nextFloat();
      float g = random.nextFloat();
      float b = i % 10 == 0 ? r : random.nextFloat(); // ties between channels too
      ColorJitter.rgbToHsv(r, g, b, hsv);
      assertThat(hsv[0]).isGreaterThanOrEqualTo(0f).isLessThan(1f);
      ColorJitter.hsvToRgb(hsv[0], hsv[1], hsv[2], rgb);
      assertThat(rgb).containsExactly(new float[] {r, g, b}, within(1e-5f));
    }
  }

  @Test
  void trainingJitterIsSeededAndShiftsHueWithinItsRange() {
    ImageNetAugmentation aug = ImageNetAugmentation.training();
    assertThat(aug.jitter()).isEqualTo(new ColorJitter(0.4f, 0.4f, 0.4f, 0.2f));
    int s = 256;
    int plane = 224 * 224;
    // A colour (h = 1/12) dull enough that no jitter clamps it, normalized: crops and flips keep
    // it; brightness, contrast and saturation scale or blend it with grey, which keeps its hue.
    float[] raw = filled(s * s, 0.5f, 0.4f, 0.3f);
    float[] src = raw.clone();
    for (int c = 0; c < 3; c++) {
      for (int i = c * s * s; i < (c + 1) * s * s; i++) {
        src[i] = (src[i] - IMAGENET.mean()[c]) / IMAGENET.std()[c];
      }
    }
    float before = hueOf(raw, s * s, 0);
    assertThat(before).isCloseTo(1f / 12, within(1e-6f));
    Random a = new Random(42);
    Random b = new Random(42);
    float lowest = 1;
    float highest = -1;
    for (int draw = 0; draw < 60; draw++) {
      float[] out = aug.apply(src, 3, s, s, IMAGENET, a);
      assertThat(aug.apply(src, 3, s, s, IMAGENET, b)).isEqualTo(out);
      for (int c = 0; c < 3; c++) {
        for (int i = c * plane; i < (c + 1) * plane; i++) {
          out[i] = out[i] * IMAGENET.std()[c] + IMAGENET.mean()[c];
        }
      }
      float moved = hueOf(out, plane, plane / 2) - before;
      moved -= Math.round(moved); // the signed shift on the hue circle
      assertThat(moved).isBetween(-0.2f - 1e-4f, 0.2f + 1e-4f);
      lowest = Math.min(lowest, moved);
      highest = Math.max(highest, moved);
    }
    assertThat(lowest).isLessThan(-0.15f);
    assertThat(highest).isGreaterThan(0.15f);
  }

  @Test
  void hueBeyondHalfATurnIsRejected() {
    assertThatThrownBy(() -> new ColorJitter(0, 0, 0, 0.6f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hue");
    assertThat(new ColorJitter(0, 0, 0, 0.2f).enabled()).isTrue();
    assertThat(ColorJitter.NONE.enabled()).isFalse();
  }
}
