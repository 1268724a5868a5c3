package org.moodnas.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Subsets of image sets: stratified subsamples and DARTS's train/architecture split. */
public final class Splits {

  private Splits() {}

  /**
   * About {@code fraction} of the images of every class (rounded, at least one of each class
   * present), chosen with {@code seed}, kept in their original order. A fraction of 1 returns
   * {@code set} itself.
   */
  public static ImageSource stratifiedSubsample(ImageSource set, double fraction, long seed) {
    int[] indices = stratifiedIndices(set, fraction, seed);
    return fraction == 1 ? set : set.subset(sortedCopy(indices));
  }

  /**
   * The images of {@link #stratifiedSubsample} in an order shuffled with {@code seed}, as
   * train_search.py's subset (scikit-learn's stratified, shuffled train_test_split): its first
   * images are a random, not the first, part of the subset. The draws are ours, not NumPy's.
   */
  public static ImageSource stratifiedShuffledSubsample(
      ImageSource set, double fraction, long seed) {
    int[] indices = stratifiedIndices(set, fraction, seed);
    if (fraction == 1) {
      return set;
    }
    List<Integer> kept = new ArrayList<>();
    for (int i : indices) {
      kept.add(i);
    }
    Collections.shuffle(kept, new Random(seed ^ 0x5DEECE66DL));
    return set.subset(kept.stream().mapToInt(Integer::intValue).toArray());
  }

  private static int[] sortedCopy(int[] a) {
    int[] c = a.clone();
    Arrays.sort(c);
    return c;
  }

  /** The chosen indices of {@link #stratifiedSubsample}, class after class; all when 1. */
  private static int[] stratifiedIndices(ImageSource set, double fraction, long seed) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("subsample fraction must be in (0, 1], got " + fraction);
    }
    if (fraction == 1) {
      return java.util.stream.IntStream.range(0, set.size()).toArray();
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < set.classes(); c++) {
      byClass.add(new ArrayList<>());
    }
    int[] labels = set.labels();
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    Random random = new Random(seed);
    List<Integer> kept = new ArrayList<>();
    for (List<Integer> members : byClass) {
      if (members.isEmpty()) {
        continue;
      }
      Collections.shuffle(members, random);
      int k = (int) Math.max(1, Math.round(fraction * members.size()));
      kept.addAll(members.subList(0, k));
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The first floor(portion·n) images and the rest, in the set's order: train_search.py's {@code
   * indices[:split]} (the weights) and {@code indices[split:]} (the architecture), of the whole set
   * when it does not subsample, else of its shuffled subset. Both parts must be non-empty.
   */
  public static Split trainPortion(ImageSource set, double portion) {
    if (!(portion > 0 && portion < 1)) {
      throw new IllegalArgumentException("train portion must be in (0, 1), got " + portion);
    }
    int n = set.size();
    int split = (int) Math.floor(portion * n);
    if (split == 0 || split == n) {
      throw new IllegalArgumentException(
          "train portion " + portion + " of " + n + " images leaves one part empty");
    }
    return new Split(set.range(0, split), set.range(split, n));
  }

  /**
   * The split of {@link #trainPortion} class by class, for sets stored class after class (an image
   * folder): of every class, its first floor(portion·n_c) images go to the first part and the rest
   * to the second, so both parts hold every class in its share; each part keeps the set's order.
   * Both parts must be non-empty.
   */
  public static Split stratifiedPortion(ImageSource set, double portion) {
    if (!(portion > 0 && portion < 1)) {
      throw new IllegalArgumentException("train portion must be in (0, 1), got " + portion);
    }
    int[] labels = set.labels();
    int[] perClass = new int[set.classes()];
    for (int label : labels) {
      perClass[label]++;
    }
    int[] seen = new int[set.classes()];
    List<Integer> first = new ArrayList<>();
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      int c = labels[i];
      (seen[c]++ < (int) Math.floor(portion * perClass[c]) ? first : rest).add(i);
    }
    if (first.isEmpty() || rest.isEmpty()) {
      throw new IllegalArgumentException(
          "train portion " + portion + " of " + labels.length + " images leaves one part empty");
    }
    return new Split(
        set.subset(first.stream().mapToInt(Integer::intValue).toArray()),
        set.subset(rest.stream().mapToInt(Integer::intValue).toArray()));
  }
}
