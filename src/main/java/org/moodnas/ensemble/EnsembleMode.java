package org.moodnas.ensemble;

/** How members are weighted: all alike, one weight per model, or one per model and class. */
public enum EnsembleMode {
  uniform,
  per_model,
  per_class
}
