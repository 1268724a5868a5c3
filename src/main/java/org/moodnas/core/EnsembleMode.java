package org.moodnas.core;

import java.util.Locale;

/**
 * How ensemble members are weighted: all alike, one weight per model, per model and class, or by
 * how often greedy ensemble selection chose them.
 */
public enum EnsembleMode {
  UNIFORM,
  PER_MODEL,
  PER_CLASS,
  GREEDY;

  /** As stored: "uniform", "per_model", "per_class", "greedy". */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
