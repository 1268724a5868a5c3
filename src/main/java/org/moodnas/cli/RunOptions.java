package org.moodnas.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Option;

/**
 * Which run a search or train job writes: a new one ({@code --run-id}, default kind-timestamp), a
 * recorded one ({@code --resume}), or either ({@code --run-id X --resume-existing}, for schedulers
 * whose retries repeat the same command line).
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

  /** The run's id; checks the options agree. */
  String id(String kind) {
    if (resume != null && runId != null) {
      throw new IllegalArgumentException("give --run-id or --resume, not both");
    }
    if (resumeExisting && runId == null) {
      throw new IllegalArgumentException("--resume-existing needs --run-id");
    }
    if (resume != null) {
      return resume;
    }
    return runId != null
        ? runId
        : kind + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }

  /** Whether the job continues a recorded run rather than starting a new one. */
  boolean resuming(Warehouse warehouse) {
    return resume != null || (resumeExisting && warehouse.runExists(runId));
  }
}
