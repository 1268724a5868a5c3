package org.moodnas.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * One epoch of {@link Batches}: every image exactly once, in batches. Pixels go byte → /255 → (x −
 * mean) / std through a per-channel table of the 256 possible values, then through the transform;
 * each batch is one new float[]. Images are read {@link #READ_AHEAD} batches in advance; an image
 * that cannot be read is left out of its batch and noted in the {@link SkippedImages}. Between
 * batches its {@link #position} (images of the order taken) and its generator (the shuffle's and
 * augmentation's draws) are the whole of its state, from which {@link Batches#resume} continues.
 */
public final class BatchIterator implements Iterator<Batch>, AutoCloseable {

  /** Batches read in advance of the one being assembled (decoding runs meanwhile). */
  public static final int READ_AHEAD = 2;

  private final Batches spec;
  private final ImageSource set;
  private final int[] order;
  private Random random;
  private final float[][] table;
  private final float[] scratch;
  private final boolean identity;
  private final int outImage;
  private final SkippedImages skipped;
  private final ImageStream stream;
  private int position;
  private Batch pending;

  BatchIterator(Batches spec, int epoch, SkippedImages skipped, Position resumeAt) {
    this.spec = spec;
    this.set = spec.set();
    this.skipped = skipped;
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
    if (resumeAt != null) {
      if (resumeAt.taken() < 0 || resumeAt.taken() > n) {
        throw new IllegalArgumentException(
            "position " + resumeAt.taken() + " is outside an epoch of " + n + " images");
      }
      position = resumeAt.taken();
      random = resumeAt.random();
    }
    int[] rest = position == 0 ? order : Arrays.copyOfRange(order, position, n);
    this.stream = set.stream(rest, READ_AHEAD * spec.batchSize());
  }

  /**
   * Where an epoch stands between batches: the images of its order already taken and its generator,
   * live (serialize it to keep it).
   */
  public record Position(int taken, Random random) {}

  /**
   * This epoch's state between two batches; only valid when no batch is pending (after {@link
   * #next()}, before the next {@link #hasNext()}).
   */
  public Position position() {
    if (pending != null) {
      throw new IllegalStateException("a batch is assembled but not taken");
    }
    return new Position(position, random);
  }

  @Override
  public boolean hasNext() {
    while (pending == null && position < order.length) {
      pending = assemble();
    }
    if (pending == null) {
      stream.close();
    }
    return pending != null;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("epoch finished");
    }
    Batch b = pending;
    pending = null;
    return b;
  }

  /** Stops reading ahead: for an epoch left before its end. */
  @Override
  public void close() {
    pending = null;
    position = order.length;
    stream.close();
  }

  /** The next batchSize images of the order, less the unreadable ones; null if all were. */
  private Batch assemble() {
    int count = Math.min(spec.batchSize(), order.length - position);
    float[] data = new float[count * outImage];
    int[] labels = new int[count];
    int c = set.channels();
    int h = set.height();
    int w = set.width();
    int k = 0;
    for (int i = 0; i < count; i++) {
      int image = order[position + i];
      ImageStream.Pixels px;
      try {
        px = stream.next();
      } catch (DatasetFormatException e) {
        skipped.skip(e, set.size());
        continue;
      }
      labels[k] = set.labels()[image];
      if (identity) {
        normalize(px, data, k * outImage);
      } else {
        normalize(px, scratch, 0);
        spec.transform().apply(scratch, c, h, w, spec.normalization(), random, data, k * outImage);
      }
      k++;
    }
    position += count;
    if (k == 0) {
      return null;
    }
    if (k < count) {
      data = Arrays.copyOf(data, k * outImage);
      labels = Arrays.copyOf(labels, k);
    }
    return new Batch(data, labels, k, c, spec.outHeight(), spec.outWidth());
  }

  private void normalize(ImageStream.Pixels px, float[] dst, int offset) {
    byte[] bytes = px.data();
    int plane = set.height() * set.width();
    for (int ch = 0; ch < set.channels(); ch++) {
      float[] t = table[ch];
      int in = px.offset() + ch * plane;
      int out = offset + ch * plane;
      for (int i = 0; i < plane; i++) {
        dst[out + i] = t[bytes[in + i] & 0xff];
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
