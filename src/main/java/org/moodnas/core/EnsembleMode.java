package org.moodnas.core;

import java.util.Locale;

/** How ensemble members are weighted: all alike, one weight per model, or per model and class. */
public enum EnsembleMode {
  UNIFORM,
  PER_MODEL,
  PER_CLASS;

  /** As stored: "uniform", "per_model", "per_class". */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
