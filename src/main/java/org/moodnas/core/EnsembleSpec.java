package org.moodnas.core;

import java.util.List;

/** An ensemble: the train run whose networks it combines, the members, how they are weighted. */
public record EnsembleSpec(
    String trainRun, List<String> members, EnsembleMode mode, DatasetKind data)
    implements RunConfig {

  public EnsembleSpec {
    members = List.copyOf(members);
  }

  @Override
  public RunKind kind() {
    return RunKind.ENSEMBLE;
  }

  @Override
  public String dataset() {
    return data.toString();
  }
}
