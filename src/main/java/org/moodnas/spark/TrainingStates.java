package org.moodnas.spark;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.moodnas.core.CheckpointSpec;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.RunStatus;
import org.moodnas.store.Checkpoints;
import org.moodnas.store.Warehouse;

/**
 * The drivers' side of training-state hygiene: a trial's state goes once its result is recorded
 * (nothing resumes a recorded trial), a run's once it ends done. A deletion that fails is said and
 * left for {@code mood-nas checkpoints} to show: leftovers cost space, not results.
 */
final class TrainingStates {

  private final Warehouse warehouse;
  private final Checkpoints checkpoints;
  private final String runId;
  private final PrintWriter log;

  TrainingStates(Warehouse warehouse, String runId, PrintWriter log) {
    this.warehouse = warehouse;
    this.checkpoints = new Checkpoints(warehouse);
    this.runId = runId;
    this.log = log;
  }

  /**
   * Where the trial under {@code key} keeps its states, every {@code fanOut}'s interval; a state
   * written for other settings is refused unless {@code discardMismatched}.
   */
  CheckpointSpec of(String key, FanOutSpec fanOut, boolean discardMismatched) {
    return new CheckpointSpec(
        warehouse.trainingStatePath(runId, key), fanOut.checkpointMinutes(), discardMismatched);
  }

  /** The trial under {@code key} (see {@code TrainingStateKeys}) is recorded. */
  void recorded(String key) {
    try {
      checkpoints.deleteTrialState(runId, key);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      warn("training state " + key, e);
    }
  }

  /** The run closed with {@code status}: a done run keeps no training state. */
  void ended(RunStatus status) {
    if (status != RunStatus.DONE) {
      return; // a stopped or failed run may be resumed from its trials' states
    }
    try {
      checkpoints.deleteTrainingStates(runId);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      warn("the training states", e);
    }
  }

  private void warn(String what, RuntimeException e) {
    log.printf("warning: run %s: %s not deleted: %s%n", runId, what, e.getMessage());
    log.flush();
  }
}
