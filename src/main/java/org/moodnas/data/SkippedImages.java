package org.moodnas.data;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unreadable images one training met (each file counted once, however often it was due):
 * batches go on without them, the count goes into the training's results, and past {@link
 * #MAX_FRACTION} of a set (and more than {@link #ALWAYS_TOLERATED}) the training fails — a folder
 * that is mostly broken is not a dataset.
 */
public final class SkippedImages {

  /** More unreadable files than this fraction of the set being read fails the training. */
  public static final double MAX_FRACTION = 0.01;

  /** This many unreadable files never fail a training, however small the set. */
  public static final int ALWAYS_TOLERATED = 5;

  private final Set<String> files = ConcurrentHashMap.newKeySet();

  /** Notes {@code problem} met reading a set of {@code setSize} images; throws past the limit. */
  void skip(DatasetFormatException problem, int setSize) {
    files.add(problem.file());
    int n = files.size();
    if (n > ALWAYS_TOLERATED && n > MAX_FRACTION * setSize) {
      throw new DatasetFormatException(
          problem.file(),
          problem.getMessage().substring(problem.file().length() + 2)
              + "; "
              + n
              + " unreadable images are more than "
              + Math.round(MAX_FRACTION * 100)
              + " % of the "
              + setSize
              + " read ("
              + problem.getMessage()
              + ")",
          problem);
    }
  }

  /** The unreadable files so far, sorted (a checkpoint keeps them). */
  public List<String> files() {
    return files.stream().sorted().toList();
  }

  /** Notes files a checkpointed training had met before it stopped. */
  public void restore(Collection<String> met) {
    files.addAll(met);
  }

  /** Distinct unreadable files so far. */
  public int count() {
    return files.size();
  }
}
