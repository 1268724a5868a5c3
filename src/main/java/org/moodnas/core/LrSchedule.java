package org.moodnas.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an evaluation's learning rate falls over the epochs: PC-DARTS's cosine (train.py) or its
 * linear decay (train_imagenet.py's adjust_lr, which needs more than 5 epochs).
 */
public enum LrSchedule {
  COSINE,
  LINEAR;

  /** The schedule called {@code name} ("linear", "cosine"; case-insensitive). */
  public static LrSchedule byName(String name) {
    for (LrSchedule s : values()) {
      if (s.toString().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown learning-rate schedule '"
            + name
            + "'; known: "
            + Arrays.stream(values()).map(LrSchedule::toString).collect(Collectors.joining(", ")));
  }

  /** "cosine" or "linear": how users type it and how runs.config stores it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
