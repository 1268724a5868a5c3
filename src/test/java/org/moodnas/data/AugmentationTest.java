package org.moodnas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AugmentationTest {

  private static final int C = 2;
  private static final int H = 6;
  private static final int W = 5;
  // Black, (0 - mean) / std, is -2 in channel 0 and -3 in channel 1.
  private static final Normalization NORM =
      new Normalization(new float[] {0.5f, 0.3f}, new float[] {0.25f, 0.1f});

  /** Distinct non-zero values: 1 + index. */
  private static float[] image() {
    float[] img = new float[C * H * W];
    for (int i = 0; i < img.length; i++) {
      img[i] = 1 + i;
    }
    return img;
  }

  private static float at(float[] img, int c, int y, int x) {
    return img[(c * H + y) * W + x];
  }

  /** The source shifted by (dy, dx), mirrored when asked, black outside. */
  private static float[] expected(float[] src, int dy, int dx, boolean mirror) {
    float[] out = new float[src.length];
    float[] black = {-2f, -3f};
    for (int c = 0; c < C; c++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int sy = y + dy;
          int sx = (mirror ? W - 1 - x : x) + dx;
          out[(c * H + y) * W + x] =
              sy >= 0 && sy < H && sx >= 0 && sx < W ? at(src, c, sy, sx) : black[c];
        }
      }
    }
    return out;
  }

  @Test
  void identityWithoutOptions() {
    float[] src = image();
    assertThat(Augmentation.NONE.apply(src, C, H, W, NORM, new Random(1))).isEqualTo(src);
  }

  @Test
  void flipMirrorsAboutHalfTheTime() {
    float[] src = image();
    float[] mirrored = expected(src, 0, 0, true);
    Augmentation flip = new Augmentation(0, true, 0);
    Random random = new Random(42);
    int flips = 0;
    for (int i = 0; i < 400; i++) {
      float[] out = flip.apply(src, C, H, W, NORM, random);
      if (Arrays.equals(out, mirrored)) {
        flips++;
      } else {
        assertThat(out).isEqualTo(src);
      }
    }
    assertThat(at(mirrored, 1, 2, 0)).isEqualTo(at(src, 1, 2, W - 1));
    assertThat(flips).isBetween(150, 250);
  }

  @Test
  void paddedCropShiftsTheContentAndFillsWithNormalizedBlack() {
    float[] src = image();
    Augmentation crop = new Augmentation(4, false, 0);
    Random random = new Random(7);
    Set<String> shifts = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      float[] out = crop.apply(src, C, H, W, NORM, random);
      String found = null;
      for (int dy = -4; dy <= 4 && found == null; dy++) {
        for (int dx = -4; dx <= 4 && found == null; dx++) {
          if (Arrays.equals(out, expected(src, dy, dx, false))) {
            found = dy + "," + dx;
          }
        }
      }
      assertThat(found).as("draw %d is a shifted copy", i).isNotNull();
      shifts.add(found);
    }
    // Every one of the 9×9 offsets occurs, the extremes included.
    assertThat(shifts).hasSize(81).contains("-4,-4", "4,4", "0,0");
    float[] shifted = expected(src, 2, -1, false);
    assertThat(at(shifted, 0, 5, 2)).isEqualTo(-2f);
    assertThat(at(shifted, 1, 0, 0)).isEqualTo(-3f);
    assertThat(at(shifted, 1, 0, 1)).isEqualTo(at(src, 1, 2, 0));
  }

  @Test
  void cutoutZeroesOneClippedSquareInEveryChannel() {
    int h = 8;
    int w = 8;
    float[] src = new float[C * h * w];
    Arrays.fill(src, 5f);
    Augmentation cutout = new Augmentation(0, false, 4);
    Random random = new Random(3);
    boolean sawFull = false;
    boolean sawClipped = false;
    for (int draw = 0; draw < 200; draw++) {
      float[] out = cutout.apply(src, C, h, w, NORM, random);
      int minY = h;
      int maxY = -1;
      int minX = w;
      int maxX = -1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float v0 = out[y * w + x];
          float v1 = out[(h + y) * w + x];
          assertThat(v1).isEqualTo(v0);
          assertThat(v0).isIn(0f, 5f);
          if (v0 == 0f) {
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
          }
        }
      }
      assertThat(maxY).as("some square is cut out").isNotNegative();
      int zeros = 0;
      for (float v : out) {
        zeros += v == 0f ? 1 : 0;
      }
      int side = maxY - minY + 1;
      int other = maxX - minX + 1;
      assertThat(zeros).isEqualTo(C * side * other); // a filled rectangle
      assertThat(side).isBetween(2, 4);
      assertThat(other).isBetween(2, 4);
      sawFull |= side == 4 && other == 4;
      sawClipped |= side < 4 || other < 4;
    }
    assertThat(sawFull).isTrue();
    assertThat(sawClipped).isTrue();
  }

  @Test
  void cutoutIsZeroWhilePaddingIsBlack() {
    float[] src = image();
    Augmentation both = Augmentation.cifar(16); // the square covers the whole 6×5 image
    float[] out = both.apply(src, C, H, W, NORM, new Random(5));
    assertThat(out).containsOnly(0f);
    assertThatThrownBy(() -> new Augmentation(-1, false, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("padding");
  }

  @Test
  void imageNetEvaluationIsTheCentre224Crop() {
    int s = 256;
    float[] src = new float[3 * s * s];
    for (int i = 0; i < src.length; i++) {
      src[i] = i;
    }
    Normalization norm = new Normalization(new float[] {0, 0, 0}, new float[] {1, 1, 1});
    float[] out = ImageNetAugmentation.evaluation().apply(src, 3, s, s, norm, new Random(1));
    assertThat(out).hasSize(3 * 224 * 224);
    for (int c = 0; c < 3; c++) {
      for (int[] yx : new int[][] {{0, 0}, {223, 223}, {17, 200}}) {
        assertThat(out[(c * 224 + yx[0]) * 224 + yx[1]])
            .isEqualTo(src[(c * s + yx[0] + 16) * s + yx[1] + 16]);
      }
    }
  }

  @Test
  void imageNetRandomResizedCropKeepsAreaAndRatioBoundsAndFlips() {
    Random random = new Random(11);
    for (int i = 0; i < 1000; i++) {
      int[] box = ImageNetAugmentation.cropBox(256, 256, random);
      double area = (double) box[2] * box[3] / (256 * 256);
      double ratio = (double) box[3] / box[2];
      assertThat(area).isBetween(0.07, 1.0);
      assertThat(ratio).isBetween(0.74, 1.36);
      assertThat(box[0] + box[2]).isLessThanOrEqualTo(256);
      assertThat(box[1] + box[3]).isLessThanOrEqualTo(256);
    }
    // A horizontal ramp stays a ramp: rising, or falling when flipped; both happen.
    int s = 32;
    float[] ramp = new float[s * s];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        ramp[y * s + x] = x;
      }
    }
    Normalization norm = new Normalization(new float[] {0}, new float[] {1});
    ImageNetAugmentation aug = new ImageNetAugmentation(16, true, ColorJitter.NONE);
    int rising = 0;
    int falling = 0;
    for (int i = 0; i < 100; i++) {
      float[] out = aug.apply(ramp, 1, s, s, norm, random);
      assertThat(out).hasSize(16 * 16);
      float first = out[3 * 16];
      float last = out[3 * 16 + 15];
      assertThat(out[5 * 16]).isEqualTo(first); // rows are equal
      if (last > first) {
        rising++;
      } else if (last < first) {
        falling++;
      }
      for (float v : out) {
        assertThat(v).isBetween(0f, 31f);
      }
    }
    assertThat(rising).isGreaterThan(20);
    assertThat(falling).isGreaterThan(20);
  }

  @Test
  void imageNetJitterScalesAGreyImageWithinTheBrightnessRange() {
    int s = 10;
    Normalization norm =
        new Normalization(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f});
    float[] grey = new float[3 * s * s]; // raw 0.5 everywhere: normalized 0
    ImageNetAugmentation aug =
        new ImageNetAugmentation(8, true, new ColorJitter(0.4f, 0.4f, 0.4f, 0.2f));
    Random random = new Random(2);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (int i = 0; i < 200; i++) {
      float[] out = aug.apply(grey, 3, s, s, norm, random);
      float raw = out[0] * 0.25f + 0.5f;
      for (float v : out) {
        assertThat(v * 0.25f + 0.5f).isCloseTo(raw, within(1e-3f));
      }
      assertThat(raw).isBetween(0.5f * 0.6f - 1e-3f, 0.5f * 1.4f + 1e-3f);
      min = Math.min(min, raw);
      max = Math.max(max, raw);
    }
    assertThat(min).isLessThan(0.35f);
    assertThat(max).isGreaterThan(0.65f);
  }
}
