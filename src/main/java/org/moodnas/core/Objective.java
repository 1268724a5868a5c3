package org.moodnas.core;

import java.util.Locale;

/** The penalty ν multiplies: L1 = Σ|w| or L2 = Σw² over the network weights. */
public enum Objective {
  L1,
  L2;

  /** "l1" or "l2": how users type it and how the warehouse stores it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
