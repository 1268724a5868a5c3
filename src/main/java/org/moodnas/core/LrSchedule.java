package org.moodnas.core;

import java.util.Locale;

/**
 * How an evaluation's learning rate falls over the epochs: PC-DARTS's cosine (train.py) or its
 * linear decay (train_imagenet.py's adjust_lr, which needs more than 5 epochs).
 */
public enum LrSchedule {
  COSINE,
  LINEAR;

  /** The schedule called {@code name} ("linear", "cosine"; case-insensitive). */
  public static LrSchedule byName(String name) {
    return EnumNames.byName(values(), name, "learning-rate schedule");
  }

  /** "cosine" or "linear": how users type it and how runs.config stores it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
