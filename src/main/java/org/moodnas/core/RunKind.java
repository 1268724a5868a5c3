package org.moodnas.core;

import java.util.Locale;

/** What a run did: a Pareto sweep, training genotypes from scratch, or an ensemble. */
public enum RunKind {
  SEARCH,
  TRAIN,
  ENSEMBLE;

  /** As stored: "search", "train", "ensemble". */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
