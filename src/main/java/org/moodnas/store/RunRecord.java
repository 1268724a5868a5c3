package org.moodnas.store;

import org.moodnas.core.RunConfig;
import org.moodnas.core.RunKind;
import org.moodnas.core.RunStatus;

/** A recorded run: its id, kind, where it stands and the configuration it started with. */
public record RunRecord(String runId, RunKind kind, RunStatus status, RunConfig config) {

  /** The configuration as recorded in {@code runs.config}. */
  public String configJson() {
    return RunConfigCodec.write(config);
  }
}
