package org.moodnas.data;

/** Per-channel mean and standard deviation of pixel values scaled to [0, 1]. */
public record Normalization(float[] mean, float[] std) {

  /** DARTS's published CIFAR-10 statistics (also used for CIFAR-100, as DARTS does). */
  public static final Normalization CIFAR =
      new Normalization(
          new float[] {0.49139968f, 0.48215827f, 0.44653124f},
          new float[] {0.24703233f, 0.24348505f, 0.26158768f});

  /** The published ImageNet statistics (torchvision's, as PC-DARTS's train_imagenet.py uses). */
  public static final Normalization IMAGENET =
      new Normalization(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

  /** Statistics of a training set: every pixel of every image, per channel. */
  public static Normalization of(ImageSet set) {
    int c = set.channels();
    int plane = set.height() * set.width();
    double[] sum = new double[c];
    double[] sq = new double[c];
    byte[] px = set.pixels();
    for (int i = 0; i < px.length; i++) {
      int ch = (i / plane) % c;
      double v = (px[i] & 0xff) / 255.0;
      sum[ch] += v;
      sq[ch] += v * v;
    }
    long n = (long) set.size() * plane;
    float[] mean = new float[c];
    float[] std = new float[c];
    for (int ch = 0; ch < c; ch++) {
      double m = sum[ch] / n;
      mean[ch] = (float) m;
      std[ch] = (float) Math.sqrt(Math.max(sq[ch] / n - m * m, 1e-12));
    }
    return new Normalization(mean, std);
  }
}
