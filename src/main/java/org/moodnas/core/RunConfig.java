package org.moodnas.core;

/**
 * A run's configuration as the runs table keeps it (JSON in runs.config, read back as the same
 * record): every setting the run was started with, so it can be resumed or built on.
 */
public sealed interface RunConfig permits SweepSpec, TrainJobSpec, EnsembleSpec {

  RunKind kind();

  /** The dataset's name for runs.dataset ("simulated" for a toy-problem sweep). */
  String dataset();

  /** The search objective for runs.objective; null for runs that have none. */
  default Objective objective() {
    return null;
  }
}
