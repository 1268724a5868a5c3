package org.moodnas.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.moodnas.core.RunKind;
import org.moodnas.core.RunStatus;
import org.moodnas.spark.Preemption;
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
   * The run a job writes, the recorded run it continues (null for a new run), the run's lease, held
   * until closed (null for a done run: nothing will be written), and while the lease is held, the
   * run's {@link Preemption}: SIGTERM pauses the run instead of ending the driver at once.
   */
  record Choice(String id, RunRecord recorded, Lease lease, Preemption stop)
      implements AutoCloseable {
    boolean resuming() {
      return recorded != null;
    }

    /** A resumed run that already ended done: there is nothing to continue, nothing to write. */
    boolean alreadyDone() {
      return recorded != null && recorded.status() == RunStatus.DONE;
    }

    /** True, and says how to continue it, when SIGTERM paused the run. */
    boolean paused(PrintWriter err) {
      if (stop == null || !stop.requested()) {
        return false;
      }
      err.printf("run %s paused: continue it with --resume %s%n", id, id);
      err.flush();
      return true;
    }

    @Override
    public void close() {
      if (stop != null) {
        stop.close();
      }
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

  @Option(
      names = "--grace-seconds",
      description =
          "after SIGTERM, how long running trials (evaluations) get to checkpoint and pause"
              + " before the driver exits anyway; the run is recorded stopped and --resume"
              + " continues it. The default fits Kubernetes' default termination grace period"
              + " (30 s) with 5 s to spare; a second SIGTERM exits at once")
  int graceSeconds = DEFAULT_GRACE_SECONDS;

  static final int DEFAULT_GRACE_SECONDS = 25;

  /** Checks the options agree (before anything starts). */
  void check() {
    if (graceSeconds < 1) {
      throw new IllegalArgumentException("--grace-seconds must be ≥ 1, got " + graceSeconds);
    }
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
  Choice choose(RunKind kind, Warehouse warehouse, PrintWriter err) {
    check();
    String id = resume != null ? resume : runId != null ? runId : newId(kind.toString());
    Lease lease = new Leases(warehouse).acquire(id, err::println);
    try {
      RunRecord recorded = recorded(id, kind, warehouse);
      if (recorded != null && recorded.status() == RunStatus.DONE) {
        lease.close();
        return new Choice(id, recorded, null, null);
      }
      String noun = kind == RunKind.SEARCH ? "trials" : "evaluations";
      Duration grace = Duration.ofSeconds(graceSeconds);
      Preemption stop = Preemption.watch(id, noun, grace, err, new Runs(warehouse), lease::close);
      return new Choice(id, recorded, lease, stop);
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
