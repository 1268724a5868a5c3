package org.moodnas.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.moodnas.core.RunKind;
import org.moodnas.run.RecordedRun;
import org.moodnas.run.RunChoice;
import org.moodnas.store.RunRecord;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Option;

/**
 * Which run a search or train job writes: a new one ({@code --run-id}, default kind-timestamp), a
 * recorded one ({@code --resume}), or either ({@code --run-id X --resume-existing}, for schedulers
 * whose retries repeat the same command line). The rules are {@link RunChoice}'s; this class parses
 * the options and words the refusals in them.
 */
final class RunOptions {

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

  /** The run to write, its lease taken (see {@link RunChoice#of}). */
  RunChoice choose(RunKind kind, Warehouse warehouse, PrintWriter err) {
    check();
    String id = resume != null ? resume : runId != null ? runId : RunChoice.newId(kind);
    RunChoice.Intent intent =
        resume != null
            ? RunChoice.Intent.RESUME
            : resumeExisting ? RunChoice.Intent.NEW_OR_RESUME : RunChoice.Intent.NEW;
    String noun = kind == RunKind.SEARCH ? "trials" : "evaluations";
    try {
      return RunChoice.of(kind, id, intent, Duration.ofSeconds(graceSeconds), noun, warehouse, err);
    } catch (RecordedRun.AlreadyRecordedException e) {
      throw new IllegalArgumentException(
          "--run-id " + id + ": already in the warehouse; continue it with --resume " + id, e);
    } catch (RecordedRun.LookupException e) {
      throw new IllegalArgumentException(
          (resume != null ? "--resume" : "--run-id") + e.problem(), e);
    }
  }

  /** True, and says how to continue it, when SIGTERM paused the run. */
  static boolean paused(RunChoice run, PrintWriter err) {
    if (!run.paused()) {
      return false;
    }
    err.printf("run %s paused: continue it with --resume %s%n", run.id(), run.id());
    err.flush();
    return true;
  }

  /** A recorded run of {@code kind}; the error names the option that gave its id. */
  static RunRecord require(Warehouse warehouse, String option, String id, RunKind kind) {
    try {
      return RecordedRun.of(warehouse, id, kind);
    } catch (RecordedRun.LookupException e) {
      throw new IllegalArgumentException(option + e.problem(), e);
    }
  }
}
