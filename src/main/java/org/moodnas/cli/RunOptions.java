package org.moodnas.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.moodnas.core.RunKind;
import org.moodnas.core.RunStatus;
import org.moodnas.store.RunRecord;
import org.moodnas.store.Runs;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Option;

/**
 * Which run a search or train job writes: a new one ({@code --run-id}, default kind-timestamp), a
 * recorded one ({@code --resume}), or either ({@code --run-id X --resume-existing}, for schedulers
 * whose retries repeat the same command line).
 */
final class RunOptions {

  /** The run a job writes, and the recorded run it continues (null for a new run). */
  record Choice(String id, RunRecord recorded) {
    boolean resuming() {
      return recorded != null;
    }

    /** A resumed run that already ended done: there is nothing to continue, nothing to write. */
    boolean alreadyDone() {
      return recorded != null && recorded.status() == RunStatus.DONE;
    }
  }

  @Option(names = "--run-id", description = "name of a new run (default: <kind>-<time>)")
  String runId;

  @Option(names = "--resume", paramLabel = "RUN_ID", description = "continue a recorded run")
  String resume;

  @Option(
      names = "--resume-existing",
      description = "with --run-id: continue that run if it is already recorded, else start it")
  boolean resumeExisting;

  /** Checks the options agree (before anything starts). */
  void check() {
    if (resume != null && runId != null) {
      throw new IllegalArgumentException("give --run-id or --resume, not both");
    }
    if (resumeExisting && runId == null) {
      throw new IllegalArgumentException("--resume-existing needs --run-id");
    }
  }

  /**
   * The run to write: a run id of another kind, a recorded id without --resume-existing (its rows
   * would silently stay as they are: appends are idempotent per run) and an unknown --resume are
   * refused.
   */
  Choice choose(RunKind kind, Warehouse warehouse) {
    check();
    Runs runs = new Runs(warehouse);
    if (resume != null) {
      return new Choice(resume, require(warehouse, "--resume", resume, kind));
    }
    String id = runId != null ? runId : newId(kind.toString());
    if (!runs.exists(id)) {
      return new Choice(id, null);
    }
    if (!resumeExisting) {
      throw new IllegalArgumentException(
          "--run-id " + id + ": already in the warehouse; continue it with --resume " + id);
    }
    return new Choice(id, require(warehouse, "--run-id", id, kind));
  }

  /** A recorded run of {@code kind}; the error names the option that gave its id. */
  static RunRecord require(Warehouse warehouse, String option, String id, RunKind kind) {
    RunRecord run =
        new Runs(warehouse)
            .find(id)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        option + ": no run '" + id + "' in the warehouse " + warehouse.root()));
    if (run.kind() != kind) {
      throw new IllegalArgumentException(
          option + " " + id + ": a " + run.kind() + " run, not a " + kind + " run");
    }
    return run;
  }

  /** A fresh run id: the kind and the time. */
  static String newId(String kind) {
    return kind + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }
}
