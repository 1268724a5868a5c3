package org.moodnas.core;

import java.util.Locale;

/** How one trial or evaluation ended. */
public enum TrialStatus {
  OK,
  FAILED,
  /** A speculative search trial the front no longer needed, stopped before its end. */
  CANCELLED;

  /** "ok", "failed" or "cancelled", as stored. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
