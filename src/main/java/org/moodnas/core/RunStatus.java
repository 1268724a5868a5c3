package org.moodnas.core;

import java.util.Locale;

/**
 * Where a run stands: running, done (nothing left to do), stopped (ended early, e.g. by
 * --max-trials; it can be resumed) or failed (the driver stopped on an error).
 */
public enum RunStatus {
  RUNNING,
  DONE,
  STOPPED,
  FAILED;

  /** As stored: "running", "done", "stopped", "failed". */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
