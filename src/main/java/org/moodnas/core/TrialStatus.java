package org.moodnas.core;

import java.util.Locale;

/** How one trial or evaluation ended. */
public enum TrialStatus {
  OK,
  FAILED;

  /** "ok" or "failed", as stored. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
