package org.moodnas.data;

import org.moodnas.core.DatasetKind;

/**
 * How a trainer's batches are made: the normalization, the training transform (augmentation), the
 * evaluation transform (identity, or ImageNet's centre crop), and the unreadable images this
 * training met so far.
 */
public record DataFeed(
    Normalization normalization,
    ImageTransform trainTransform,
    ImageTransform evalTransform,
    SkippedImages skipped) {

  public DataFeed(
      Normalization normalization, ImageTransform trainTransform, ImageTransform evalTransform) {
    this(normalization, trainTransform, evalTransform, new SkippedImages());
  }

  /**
   * The published transforms of a dataset's training from scratch: CIFAR-style crop/flip(/cutout)
   * or ImageNet's with colour jitter.
   */
  public static DataFeed of(DatasetKind kind, Normalization normalization, int cutoutLength) {
    if (kind == DatasetKind.IMAGENET) {
      return new DataFeed(
          normalization, ImageNetAugmentation.training(), ImageNetAugmentation.evaluation());
    }
    return new DataFeed(normalization, Augmentation.cifar(cutoutLength), Augmentation.NONE);
  }

  /**
   * The published transforms of a dataset's search: as {@link #of}, but ImageNet's without colour
   * jitter (train_search_imagenet.py crops and flips only).
   */
  public static DataFeed forSearch(
      DatasetKind kind, Normalization normalization, int cutoutLength) {
    if (kind == DatasetKind.IMAGENET) {
      // crop and flip as in training, no colour jitter (both of the search's splits)
      ImageNetAugmentation search = new ImageNetAugmentation(224, true, ColorJitter.NONE);
      return new DataFeed(normalization, search, ImageNetAugmentation.evaluation());
    }
    return of(kind, normalization, cutoutLength);
  }

  /** No augmentation at all. */
  public static DataFeed plain(Normalization normalization) {
    return new DataFeed(normalization, Augmentation.NONE, Augmentation.NONE);
  }

  /** Shuffled, augmented batches of one pass; the same (seed, pass) gives the same batches. */
  public BatchIterator train(ImageSource set, int batchSize, long seed, int pass) {
    return new Batches(set, batchSize, normalization, trainTransform, true, seed)
        .epoch(pass, skipped);
  }

  /** Pass {@code pass} of {@link #train} continued from where an iterator of it stood. */
  public BatchIterator resumeTrain(
      ImageSource set, int batchSize, long seed, int pass, BatchIterator.Position at) {
    return new Batches(set, batchSize, normalization, trainTransform, true, seed)
        .resume(pass, at, skipped);
  }

  /** Batches in order through the evaluation transform. */
  public BatchIterator eval(ImageSource set, int batchSize) {
    return new Batches(set, batchSize, normalization, evalTransform, false, 0).epoch(0, skipped);
  }

  /** The side of the images the network sees. */
  public int imageSize(ImageSource set) {
    return evalTransform.outHeight(set.height());
  }
}
