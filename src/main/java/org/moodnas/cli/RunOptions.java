package org.moodnas.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.moodnas.core.RunKind;
import org.moodnas.core.RunStatus;
import org.moodnas.store.Lease;
import org.moodnas.store.Leases;
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

  /**
   * The run a job writes, the recorded run it continues (null for a new run) and the run's lease,
   * held until closed (null for a done run: nothing will be written).
   */
  record Choice(String id, RunRecord recorded, Lease lease) implements AutoCloseable {
    boolean resuming() {
      return recorded != null;
    }

    /** A resumed run that already ended done: there is nothing to continue, nothing to write. */
    boolean alreadyDone() {
      return recorded != null && recorded.status() == RunStatus.DONE;
    }

    @Override
    public void close() {
      if (lease != null) {
        lease.close();
      }
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
   * The run to write, its lease taken: a run whose driver is alive (here or on another host), a run
   * id of another kind, a recorded id without --resume-existing (its rows would silently stay as
   * they are: appends are idempotent per run) and an unknown --resume are refused. The run is read
   * after the lease is taken, so a driver that just finished it is seen.
   */
  Choice choose(RunKind kind, Warehouse warehouse, Consumer<String> onLeaseLost) {
    check();
    String id = resume != null ? resume : runId != null ? runId : newId(kind.toString());
    Lease lease = new Leases(warehouse).acquire(id, onLeaseLost);
    try {
      RunRecord recorded = recorded(id, kind, warehouse);
      if (recorded != null && recorded.status() == RunStatus.DONE) {
        lease.close();
        return new Choice(id, recorded, null);
      }
      return new Choice(id, recorded, lease);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  private RunRecord recorded(String id, RunKind kind, Warehouse warehouse) {
    if (resume != null) {
      return require(warehouse, "--resume", resume, kind);
    }
    if (!new Runs(warehouse).exists(id)) {
      return null;
    }
    if (!resumeExisting) {
      throw new IllegalArgumentException(
          "--run-id " + id + ": already in the warehouse; continue it with --resume " + id);
    }
    return require(warehouse, "--run-id", id, kind);
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
