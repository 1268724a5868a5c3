package org.moodnas.run;

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

/**
 * The run a search or train job writes, the recorded run it continues (null for a new run), the
 * run's lease, held until closed (null for a done run: nothing will be written), and while the
 * lease is held, the run's {@link Preemption}: SIGTERM pauses the run instead of ending the driver
 * at once.
 */
public record RunChoice(String id, RunRecord recorded, Lease lease, Preemption stop)
    implements AutoCloseable {

  /** How the job's run id is meant: a new run, a recorded one, or either. */
  public enum Intent {
    NEW,
    RESUME,
    NEW_OR_RESUME
  }

  /**
   * The run {@code id}, its lease taken: a run whose driver is alive (here or on another host), a
   * run of another kind, a recorded id meant as new (its rows would silently stay as they are:
   * appends are idempotent per run) and an unknown id meant to resume are refused. The run is read
   * after the lease is taken, so a driver that just finished it is seen.
   *
   * @param noun what the run's tasks are called in the pause message ("trials", "evaluations")
   */
  public static RunChoice of(
      RunKind kind,
      String id,
      Intent intent,
      Duration grace,
      String noun,
      Warehouse warehouse,
      PrintWriter err) {
    Lease lease = new Leases(warehouse).acquire(id, err::println);
    try {
      RunRecord recorded = recorded(id, kind, intent, warehouse);
      if (recorded != null && recorded.status() == RunStatus.DONE) {
        lease.close();
        return new RunChoice(id, recorded, null, null);
      }
      Preemption stop = Preemption.watch(id, noun, grace, err, new Runs(warehouse), lease::close);
      return new RunChoice(id, recorded, lease, stop);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  private static RunRecord recorded(String id, RunKind kind, Intent intent, Warehouse warehouse) {
    if (intent == Intent.RESUME) {
      return RecordedRun.of(warehouse, id, kind);
    }
    if (!new Runs(warehouse).exists(id)) {
      return null;
    }
    if (intent == Intent.NEW) {
      throw new RecordedRun.AlreadyRecordedException(id);
    }
    return RecordedRun.of(warehouse, id, kind);
  }

  /** A fresh run id: the kind and the time. */
  public static String newId(RunKind kind) {
    return kind + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }

  public boolean resuming() {
    return recorded != null;
  }

  /** A resumed run that already ended done: there is nothing to continue, nothing to write. */
  public boolean alreadyDone() {
    return recorded != null && recorded.status() == RunStatus.DONE;
  }

  /** Whether SIGTERM paused the run. */
  public boolean paused() {
    return stop != null && stop.requested();
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
