package org.moodnas.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * One epoch of {@link Batches}: every image exactly once, in batches. Pixels go byte → /255 → (x −
 * mean) / std through a per-channel table of the 256 possible values, then through the transform;
 * each batch is one new float[].
 */
public final class BatchIterator implements Iterator<Batch> {

  private final Batches spec;
  private final ImageSet set;
  private final int[] order;
  private final Random random;
  private final float[][] table;
  private final float[] scratch;
  private final boolean identity;
  private final int outImage;
  private int position;

  BatchIterator(Batches spec, int epoch) {
    this.spec = spec;
    this.set = spec.set();
    int n = set.size();
    this.random = new Random(mix(spec.seed(), epoch));
    this.order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (spec.shuffle()) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    Normalization norm = spec.normalization();
    this.table = new float[set.channels()][256];
    for (int c = 0; c < set.channels(); c++) {
      for (int v = 0; v < 256; v++) {
        table[c][v] = (v / 255f - norm.mean()[c]) / norm.std()[c];
      }
    }
    this.identity = spec.transform().equals(Augmentation.NONE);
    this.scratch = identity ? null : new float[set.imageBytes()];
    this.outImage = set.channels() * spec.outHeight() * spec.outWidth();
  }

  @Override
  public boolean hasNext() {
    return position < order.length;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("epoch finished");
    }
    int count = Math.min(spec.batchSize(), order.length - position);
    float[] data = new float[count * outImage];
    int[] labels = new int[count];
    int c = set.channels();
    int h = set.height();
    int w = set.width();
    for (int k = 0; k < count; k++) {
      int image = order[position + k];
      labels[k] = set.labels()[image];
      if (identity) {
        normalize(image, data, k * outImage);
      } else {
        normalize(image, scratch, 0);
        spec.transform().apply(scratch, c, h, w, spec.normalization(), random, data, k * outImage);
      }
    }
    position += count;
    return new Batch(data, labels, count, c, spec.outHeight(), spec.outWidth());
  }

  private void normalize(int image, float[] dst, int offset) {
    byte[] px = set.pixels();
    int plane = set.height() * set.width();
    int from = image * set.imageBytes();
    for (int ch = 0; ch < set.channels(); ch++) {
      float[] t = table[ch];
      int in = from + ch * plane;
      int out = offset + ch * plane;
      for (int i = 0; i < plane; i++) {
        dst[out + i] = t[px[in + i] & 0xff];
      }
    }
  }

  // Well-spread seeds for neighbouring epochs (java.util.Random's first draws correlate otherwise).
  private static long mix(long seed, int epoch) {
    long z = seed + (epoch + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
