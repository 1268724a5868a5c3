package org.moodnas.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Batches of an image set, every image once per pass (the last batch may be smaller), shuffled when
 * a random source is given: bytes → /255 → normalized → augmented, one float[] per batch.
 */
public final class BatchIterator implements Iterator<Batch> {

  private final ImageSet set;
  private final Normalization norm;
  private final Augmentation augmentation;
  private final int batchSize;
  private final Random rng;
  private final int[] order;
  private final float[] black;
  private int next;

  /** {@code rng} null: images in order, no augmentation randomness needed. */
  public BatchIterator(
      ImageSet set, Normalization norm, Augmentation augmentation, int batchSize, Random rng) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
    }
    this.set = set;
    this.norm = norm;
    this.augmentation = augmentation;
    this.batchSize = batchSize;
    this.rng = rng == null ? new Random(0) : rng;
    order = new int[set.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (rng != null) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    black = new float[set.channels()];
    for (int c = 0; c < black.length; c++) {
      black[c] = -norm.mean()[c] / norm.std()[c];
    }
  }

  public int batchCount() {
    return (set.size() + batchSize - 1) / batchSize;
  }

  @Override
  public boolean hasNext() {
    return next < order.length;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int n = Math.min(batchSize, order.length - next);
    int c = set.channels();
    int h = set.height();
    int w = set.width();
    int size = set.imageBytes();
    int plane = h * w;
    float[] data = new float[n * size];
    int[] labels = new int[n];
    float[] image = augmentation.isNone() ? null : new float[size];
    byte[] px = set.pixels();
    for (int i = 0; i < n; i++) {
      int idx = order[next + i];
      labels[i] = set.labels()[idx];
      float[] target = image == null ? data : image;
      int base = image == null ? i * size : 0;
      for (int k = 0; k < size; k++) {
        int ch = k / plane;
        target[base + k] = ((px[idx * size + k] & 0xff) / 255f - norm.mean()[ch]) / norm.std()[ch];
      }
      if (image != null) {
        augmentation.apply(image, c, h, w, black, rng, data, i * size);
      }
    }
    next += n;
    return new Batch(data, labels, n, c, h, w);
  }
}
