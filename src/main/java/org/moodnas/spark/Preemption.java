package org.moodnas.spark;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.moodnas.core.RunStatus;
import org.moodnas.store.Runs;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM to the driver pauses its run instead of losing it: YARN, Kubernetes and Airflow send it
 * first and kill later. While a run is watched, the driver handles SIGTERM itself, so the JVM does
 * not start shutting down (Spark's shutdown hook would stop the SparkContext under the running
 * jobs). The first SIGTERM asks the run to stop: {@link TaskFanOut} launches nothing more, cancels
 * the run's jobs (their tasks see the stop at their next step boundary, checkpoint and end), waits
 * for them, records the run {@code stopped}, and the command exits 0. A second SIGTERM, or the
 * grace running out, exits at once ({@link ForcedExit}): 0 when the command recorded its run's end
 * itself (tasks still in a step lose only what they did since their last state), else 143.
 */
public final class Preemption implements AutoCloseable {

  /** What a forced exit spends recording the run and releasing its lease before it exits. */
  static final Duration FORCED_END = Duration.ofSeconds(5);

  /**
   * What the grace keeps, at most, for recording the run, releasing its lease and stopping Spark
   * after the tasks: a Delta commit takes seconds on a busy driver.
   */
  static final Duration RECORDING = Duration.ofSeconds(10);

  private static final Object LOCK = new Object();
  private static final Map<String, Preemption> WATCHED = new LinkedHashMap<>();
  private static SignalHandler previous;
  private static int signals;

  private final String runId;
  private final String noun;
  private final Duration grace;
  private final PrintWriter log;
  private final Runs runs;
  private final Runnable releaseLease;
  private final List<Runnable> onStop = new CopyOnWriteArrayList<>();

  /** Held while the run's end is recorded: a forced end waits for the command's record. */
  private final ReentrantLock ending = new ReentrantLock();

  private volatile Instant deadline;
  private volatile boolean runEnded;
  private volatile boolean forced;
  private volatile boolean closed;

  private Preemption(
      String runId,
      String noun,
      Duration grace,
      PrintWriter log,
      Runs runs,
      Runnable releaseLease) {
    this.runId = runId;
    this.noun = noun;
    this.grace = grace;
    this.log = log;
    this.runs = runs;
    this.releaseLease = releaseLease;
  }

  /**
   * Handles SIGTERM for run {@code runId} until closed. {@code noun}: what its tasks are, plural
   * ("trials"); {@code releaseLease} releases the run's lease (a forced exit calls it).
   */
  public static Preemption watch(
      String runId,
      String noun,
      Duration grace,
      PrintWriter log,
      Runs runs,
      Runnable releaseLease) {
    Preemption p = new Preemption(runId, noun, grace, log, runs, releaseLease);
    synchronized (LOCK) {
      if (WATCHED.isEmpty()) {
        try {
          previous = Signal.handle(new Signal("TERM"), Preemption::received);
        } catch (IllegalArgumentException e) {
          // no SIGTERM to handle here (not a POSIX system, or the JVM runs with -Xrs)
          log.println("warning: SIGTERM cannot be handled here: it ends the driver at once");
        }
      }
      WATCHED.put(runId, p);
    }
    return p;
  }

  /** The watched run's, or one that is never asked to stop (a run no command watches). */
  static Preemption of(String runId) {
    synchronized (LOCK) {
      Preemption p = WATCHED.get(runId);
      return p != null ? p : new Preemption(runId, "tasks", Duration.ZERO, null, null, () -> {});
    }
  }

  /** True once SIGTERM asked the run to stop. */
  public boolean requested() {
    return deadline != null;
  }

  /**
   * Until when running tasks may take to end: the grace, less what recording the run, releasing its
   * lease and stopping Spark take after them ({@link #RECORDING}, or half the grace when it is
   * short).
   */
  Instant tasksDeadline() {
    Duration reserve = grace.dividedBy(2);
    return deadline.minus(reserve.compareTo(RECORDING) < 0 ? reserve : RECORDING);
  }

  /** Runs {@code action} when the stop is asked for; at once if it already was. */
  void onStop(Runnable action) {
    onStop.add(action);
    if (requested()) {
      action.run();
    }
  }

  /**
   * Records the run's end with {@code record}, once: a forced exit that comes meanwhile waits for
   * it and does not write over it.
   */
  void recordEnd(Runnable record) {
    ending.lock();
    try {
      if (!runEnded) {
        record.run();
        runEnded = true;
      }
    } finally {
      ending.unlock();
    }
  }

  /** Its command returned: the run is recorded and its lease released. */
  boolean closed() {
    return closed;
  }

  /** The run's end is recorded, by its command (not {@link #forcedEnd}). */
  boolean endedByCommand() {
    return runEnded && !forced;
  }

  /** Says why the driver exits now, for this run. */
  void sayExiting(String why) {
    log.printf(
        "mood-nas: %s: exiting now (run %s: %s)%n",
        why, runId, runEnded ? "its end is recorded" : "recording it stopped");
    log.flush();
  }

  /** Stops handling SIGTERM for this run (the previous handler is back when no run is watched). */
  @Override
  public void close() {
    closed = true;
    synchronized (LOCK) {
      if (WATCHED.remove(runId, this) && WATCHED.isEmpty() && previous != null) {
        Signal.handle(new Signal("TERM"), previous);
        previous = null;
        signals = 0;
      }
    }
  }

  private static void received(Signal signal) {
    // the JVM's signal thread has no class loader of ours, which Spark's and Delta's reflection
    // need (scala.Predef not found); the threads started from here inherit this one
    Thread.currentThread().setContextClassLoader(Preemption.class.getClassLoader());
    List<Preemption> now;
    int n;
    synchronized (LOCK) {
      n = ++signals;
      now = new ArrayList<>(WATCHED.values());
    }
    if (n == 1) {
      now.forEach(Preemption::stop);
    } else {
      ForcedExit.now("second SIGTERM", now);
    }
  }

  private void stop() {
    deadline = Instant.now().plus(grace);
    log.printf(
        "mood-nas: SIGTERM: stopping run %s, running %s checkpoint and pause (up to %d s; a second"
            + " SIGTERM exits at once)%n",
        runId, noun, grace.toSeconds());
    log.flush();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(grace.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              ForcedExit.now("the grace of " + grace.toSeconds() + " s is over", List.of(this));
            },
            "grace " + runId);
    watchdog.setDaemon(true);
    watchdog.start();
    onStop.forEach(Runnable::run);
  }

  /**
   * The lease first: deleting files is quick, and a run without a live lease shows lost. Then the
   * run's end, unless its command records it (waiting for that record when it is being written).
   */
  void forcedEnd() {
    try {
      releaseLease.run();
    } catch (RuntimeException e) {
      log.printf("mood-nas: the lease of run %s could not be released: %s%n", runId, e);
    }
    try {
      if (ending.tryLock(FORCED_END.toMillis(), TimeUnit.MILLISECONDS)) {
        try {
          if (!runEnded) {
            forced = true;
            runs.finish(runId, RunStatus.STOPPED);
            runEnded = true;
          }
        } finally {
          ending.unlock();
        }
      }
    } catch (RuntimeException e) {
      log.printf("mood-nas: run %s could not be recorded stopped: %s%n", runId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.flush();
  }
}
