package org.moodnas.core;

import java.util.Locale;

/**
 * Which batch the memory model picks for a GPU's free memory less the margin (the budget). {@link
 * #PUBLISHED}: batch_train.py's calculate_batch_size, growing the batch from 1 while the prediction
 * is under the budget, so it returns the first batch predicted at or over it (one step into the
 * margin; 1 when even that is over). {@link #UNDER_BUDGET}: the largest batch predicted within the
 * budget, refusing when not even a batch of 1 is.
 */
public enum BatchRule {
  PUBLISHED,
  UNDER_BUDGET;

  /** The rule called {@code name} ("published", "under-budget"; case-insensitive). */
  public static BatchRule byName(String name) {
    return EnumNames.byName(values(), name, "batch rule");
  }

  /** "published" or "under-budget": how users type it and how runs.config stores it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
