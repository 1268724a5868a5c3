package org.moodnas.data;

/**
 * How an image set is fed to training: batches of {@code batchSize} (the last one may be smaller),
 * shuffled per epoch or in set order, each image normalized then passed through {@code transform}.
 * Everything random (order and augmentation) follows from {@code seed} and the epoch number.
 */
public record Batches(
    ImageSource set,
    int batchSize,
    Normalization normalization,
    ImageTransform transform,
    boolean shuffle,
    long seed) {

  public Batches {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
    }
    if (normalization.mean().length != set.channels()
        || normalization.std().length != set.channels()) {
      throw new IllegalArgumentException(
          "normalization has "
              + normalization.mean().length
              + " channels, the images "
              + set.channels());
    }
    if (transform == null) {
      transform = Augmentation.NONE;
    }
  }

  /** In set order, normalized only: for evaluation. */
  public static Batches inOrder(ImageSource set, int batchSize, Normalization normalization) {
    return new Batches(set, batchSize, normalization, Augmentation.NONE, false, 0L);
  }

  /** Batches per epoch, the last partial one included. */
  public int batchesPerEpoch() {
    return (set.size() + batchSize - 1) / batchSize;
  }

  public int outHeight() {
    return transform.outHeight(set.height());
  }

  public int outWidth() {
    return transform.outWidth(set.width());
  }

  /** The batches of epoch {@code epoch} (any int; the same epoch gives the same batches). */
  public BatchIterator epoch(int epoch) {
    return epoch(epoch, new SkippedImages());
  }

  /** As {@link #epoch(int)}, noting unreadable images in {@code skipped}. */
  public BatchIterator epoch(int epoch, SkippedImages skipped) {
    return new BatchIterator(this, epoch, skipped, null);
  }

  /** Epoch {@code epoch} continued from {@code at}, as the iterator stood there. */
  public BatchIterator resume(int epoch, BatchIterator.Position at, SkippedImages skipped) {
    return new BatchIterator(this, epoch, skipped, at);
  }
}
