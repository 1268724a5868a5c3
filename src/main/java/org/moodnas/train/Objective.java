package org.moodnas.train;

import java.util.Arrays;

/** The penalty ν multiplies: L1 = Σ|w| or L2 = Σw² over the network weights. */
public enum Objective {
  L1,
  L2;

  /** "l1" or "l2". */
  public String id() {
    return name().toLowerCase();
  }

  public static Objective byId(String id) {
    return Arrays.stream(values())
        .filter(o -> o.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("objective '" + id + "' is not l1 or l2"));
  }
}
