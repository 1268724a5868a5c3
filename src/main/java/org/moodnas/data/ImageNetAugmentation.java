package org.moodnas.data;

import java.util.Random;

/**
 * PC-DARTS's ImageNet transforms on the stored 256×256 images (normalized). Training: random
 * resized crop to {@code size} (area 8–100 %, aspect ratio 3/4–4/3, torchvision's ten tries then a
 * central fallback), horizontal flip with p = 0.5, then {@code jitter} (train_imagenet.py's
 * brightness, contrast and saturation 0.4 and hue 0.2; none in a search). Evaluation: center crop
 * to {@code size}.
 *
 * <p>Simplifications, on purpose: the random crop starts from the stored Resize(256) +
 * CenterCrop(256) image, not from the full original; resizing is plain bilinear without
 * antialiasing; the jitter computes on float pixels (torchvision's tensor formulas), not on 8-bit
 * PIL images.
 */
public record ImageNetAugmentation(int size, boolean train, ColorJitter jitter)
    implements ImageTransform {

  private static final double MIN_SCALE = 0.08;
  private static final double LOG_MIN_RATIO = Math.log(3.0 / 4.0);
  private static final double LOG_MAX_RATIO = Math.log(4.0 / 3.0);

  public ImageNetAugmentation {
    if (size <= 0) {
      throw new IllegalArgumentException("crop size must be > 0, got " + size);
    }
    if (jitter == null) {
      throw new IllegalArgumentException("jitter must be given (ColorJitter.NONE for none)");
    }
  }

  /**
   * Training: random resized crop to 224, flip, jitter 0.4/0.4/0.4 and hue 0.2 (PC-DARTS's
   * train_imagenet.py).
   */
  public static ImageNetAugmentation training() {
    return new ImageNetAugmentation(224, true, new ColorJitter(0.4f, 0.4f, 0.4f, 0.2f));
  }

  /** Evaluation: center crop 224 of the stored 256×256 image. */
  public static ImageNetAugmentation evaluation() {
    return new ImageNetAugmentation(224, false, ColorJitter.NONE);
  }

  @Override
  public int outHeight(int height) {
    return size;
  }

  @Override
  public int outWidth(int width) {
    return size;
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
    if (!train) {
      if (height < size || width < size) {
        throw new IllegalArgumentException(
            "cannot center-crop " + size + " from " + height + "×" + width);
      }
      int top = (int) Math.round((height - size) / 2.0);
      int left = (int) Math.round((width - size) / 2.0);
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < size; y++) {
          System.arraycopy(
              src,
              (c * height + y + top) * width + left,
              dst,
              offset + (c * size + y) * size,
              size);
        }
      }
      return;
    }
    int[] box = cropBox(height, width, random);
    boolean mirror = random.nextBoolean();
    resize(src, channels, height, width, box, mirror, dst, offset);
    if (jitter.enabled()) {
      jitter.apply(dst, offset, channels, size * size, norm, random);
    }
  }

  /** torchvision's RandomResizedCrop.get_params: {top, left, height, width}. */
  static int[] cropBox(int height, int width, Random random) {
    double area = (double) height * width;
    for (int attempt = 0; attempt < 10; attempt++) {
      double target = area * (MIN_SCALE + (1 - MIN_SCALE) * random.nextDouble());
      double ratio =
          Math.exp(LOG_MIN_RATIO + (LOG_MAX_RATIO - LOG_MIN_RATIO) * random.nextDouble());
      int w = (int) Math.round(Math.sqrt(target * ratio));
      int h = (int) Math.round(Math.sqrt(target / ratio));
      if (w > 0 && w <= width && h > 0 && h <= height) {
        int top = random.nextInt(height - h + 1);
        int left = random.nextInt(width - w + 1);
        return new int[] {top, left, h, w};
      }
    }
    double inRatio = (double) width / height;
    int w = width;
    int h = height;
    if (inRatio < 3.0 / 4.0) {
      h = (int) Math.round(w / (3.0 / 4.0));
    } else if (inRatio > 4.0 / 3.0) {
      w = (int) Math.round(h * (4.0 / 3.0));
    }
    return new int[] {(height - h) / 2, (width - w) / 2, h, w};
  }

  // Bilinear, half-pixel centres, from the box to size×size, mirrored when asked.
  private void resize(
      float[] src,
      int channels,
      int height,
      int width,
      int[] box,
      boolean mirror,
      float[] dst,
      int offset) {
    double sy = (double) box[2] / size;
    double sx = (double) box[3] / size;
    int[] x0 = new int[size];
    int[] x1 = new int[size];
    float[] fx = new float[size];
    for (int x = 0; x < size; x++) {
      int ox = mirror ? size - 1 - x : x;
      double s = Math.min(Math.max((ox + 0.5) * sx - 0.5, 0), box[3] - 1);
      x0[x] = box[1] + (int) s;
      x1[x] = Math.min(x0[x] + 1, box[1] + box[3] - 1);
      fx[x] = (float) (s - (int) s);
    }
    for (int y = 0; y < size; y++) {
      double s = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), box[2] - 1);
      int y0 = box[0] + (int) s;
      int y1 = Math.min(y0 + 1, box[0] + box[2] - 1);
      float fy = (float) (s - (int) s);
      for (int c = 0; c < channels; c++) {
        int r0 = (c * height + y0) * width;
        int r1 = (c * height + y1) * width;
        int out = offset + (c * size + y) * size;
        for (int x = 0; x < size; x++) {
          float a = src[r0 + x0[x]] + (src[r0 + x1[x]] - src[r0 + x0[x]]) * fx[x];
          float b = src[r1 + x0[x]] + (src[r1 + x1[x]] - src[r1 + x0[x]]) * fx[x];
          dst[out + x] = a + (b - a) * fy;
        }
      }
    }
  }
}
