package org.moodnas.data;

import java.io.PrintWriter;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;

/**
 * The images one training reads: the part of the training set that trains the weights, the held-out
 * rest (the architecture's split in a search, the validation split of an evaluation; null when all
 * of it trains), the test set, their normalization and the dataset they came from.
 */
public record TrainingData(
    ImageSource train,
    ImageSource heldOut,
    ImageSource test,
    Normalization normalization,
    DatasetKind kind) {

  /**
   * Reads {@code source}, keeps its stratified subsample (drawn with {@code seed}) and splits it at
   * {@code trainPortion}: the first part of the set in order, or of the subsample in an order
   * shuffled with the seed, as train_search.py ({@link Splits#stratifiedShuffledSubsample}).
   * ImageNet keeps its subsample in order and splits class by class ({@link
   * Splits#stratifiedPortion}): train_search_imagenet.py reads pre-made per-class subsets instead.
   * Says what it loaded on {@code log}.
   */
  public static TrainingData load(
      DataSource source, long seed, double trainPortion, PrintWriter log) {
    String path = source.resolvedPath();
    Dataset d = Datasets.load(source.dataset(), path);
    ImageSource all = subsample(d.train(), source, seed);
    log.printf(
        "data: %s from %s: %d training images (of %d), %d test, %d×%d×%d, %d classes%n",
        source.dataset(),
        path,
        all.size(),
        d.train().size(),
        d.test().size(),
        all.channels(),
        all.height(),
        all.width(),
        all.classes());
    for (ImageSource set : new ImageSource[] {d.train(), d.test()}) {
      if (set instanceof ImageFiles files) {
        log.printf("data: %s: %s%n", files.split(), files.origin());
      }
    }
    log.flush();
    if (trainPortion >= 1) {
      return new TrainingData(all, null, d.test(), d.normalization(), source.dataset());
    }
    Split split = split(all, source.dataset(), trainPortion);
    return new TrainingData(
        split.first(), split.rest(), d.test(), d.normalization(), source.dataset());
  }

  /**
   * The indices, in the training set, of the images {@link #load} holds out with these arguments
   * ({@code trainPortion} below 1), in the order it holds them: told from the training set's labels
   * ({@code train}) alone, so no pixel is read.
   */
  public static int[] heldOutSamples(
      DataSource source, SampleIndices train, long seed, double trainPortion) {
    ImageSource all = subsample(train, source, seed);
    return ((SampleIndices) split(all, source.dataset(), trainPortion).rest()).indices();
  }

  private static ImageSource subsample(ImageSource train, DataSource source, long seed) {
    if (source.subsample() >= 1) {
      return train;
    }
    return source.dataset() == DatasetKind.IMAGENET
        ? Splits.stratifiedSubsample(train, source.subsample(), seed)
        : Splits.stratifiedShuffledSubsample(train, source.subsample(), seed);
  }

  // An image folder is read class after class: DARTS's in-order split would leave the last
  // classes out of the first part, so ImageNet splits class by class.
  private static Split split(ImageSource all, DatasetKind kind, double trainPortion) {
    return kind == DatasetKind.IMAGENET
        ? Splits.stratifiedPortion(all, trainPortion)
        : Splits.trainPortion(all, trainPortion);
  }

  /**
   * The dataset's published transforms of a training from scratch, with cutout of this side (0:
   * none) in training.
   */
  public DataFeed feed(int cutoutLength) {
    return DataFeed.of(kind, normalization, cutoutLength);
  }

  /** The dataset's published transforms of a search (ImageNet's without colour jitter). */
  public DataFeed searchFeed(int cutoutLength) {
    return DataFeed.forSearch(kind, normalization, cutoutLength);
  }
}
