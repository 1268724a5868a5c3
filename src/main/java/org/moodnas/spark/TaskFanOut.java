package org.moodnas.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.sql.SparkSession;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.RunStatus;
import org.moodnas.spark.executor.Attempted;
import org.moodnas.spark.executor.FanOutTask;
import org.moodnas.spark.executor.ProgressAccumulator;
import org.moodnas.store.Runs;

/**
 * Runs a job's tasks as one-task Spark jobs, up to {@code parallelism} in flight, each started from
 * a driver thread (FAIR scheduling lets them run at once), so a slot that frees takes the next task
 * at once. Running tasks' progress is printed from executor heartbeats, and the epochs they carry
 * go to the plan as they end ({@link FanOutPlan#epochsEnded}); each outcome (or the failure of a
 * task Spark gave up on) goes to the plan as it completes, and what the plan leaves of recording it
 * runs on a {@link RecordingQueue} while the next tasks start; once every recording landed, the run
 * is closed with the plan's status, or failed when the driver stops on an error.
 *
 * <p>Asked to stop ({@link Preemption}: SIGTERM), it starts no more tasks and cancels the run's
 * jobs. The jobs do not interrupt their task threads (a thread interrupted while writing a
 * checkpoint would leave it half written): a cancelled task is only marked killed and ends at its
 * next step boundary. The tasks the stop cut short are paused, not outcomes: the plan never sees
 * them, so a resumed run starts them again. Once they ended (or the grace is nearly over) the run
 * is closed {@code stopped}.
 *
 * <p>Long: the loop, its pause and its progress plumbing share the tasks in flight.
 */
public final class TaskFanOut {

  /** A task's outcome, or none ({@code outcome} null) when the run's stop paused it. */
  private record Finished<T, R extends Serializable>(
      T task, Attempted<R> outcome, Instant started, Instant end) {
    boolean paused() {
      return outcome == null;
    }

    FanOutPlan.Outcome<T, R> outcome(T t) {
      return new FanOutPlan.Outcome<>(t, outcome.result(), outcome.attempt(), started, end);
    }
  }

  private final SparkSession spark;
  private final Runs runs;
  private final String runId;
  private final FanOutSpec spec;
  private final PrintWriter log;
  private final AtomicInteger submitted = new AtomicInteger();

  public TaskFanOut(SparkSession spark, Runs runs, String runId, FanOutSpec spec, PrintWriter log) {
    this.spark = spark;
    this.runs = runs;
    this.runId = runId;
    this.spec = spec;
    this.log = log;
  }

  /**
   * Runs the plan's tasks until none is left in flight or to start, then closes the run; returns
   * the status it closed the run with. Long: launching, collecting and pausing share its locals.
   */
  public <T extends FanOutTask<R>, R extends Serializable> RunStatus run(FanOutPlan<T, R> plan)
      throws InterruptedException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ResourceProfile gpus = TaskResources.gpuProfile(spark.sparkContext(), spec.gpusPerTrial());
    Map<Integer, T> inFlight = new ConcurrentHashMap<>();
    SweepProgressListener listener = SweepProgressListener.of(log, runId, plan, inFlight);
    spark.sparkContext().addSparkListener(listener);
    Preemption stop = Preemption.of(runId);
    RunningTasks tasks = new RunningTasks(runId);
    spark.sparkContext().addSparkListener(tasks);
    TaskCancellation cancellation = new TaskCancellation(jsc, runId);
    stop.onStop(cancellation::cancelRun);
    ExecutorService pool = Executors.newFixedThreadPool(spec.parallelism());
    CompletionService<Finished<T, R>> done = new ExecutorCompletionService<>(pool);
    RecordingQueue recordings = new RecordingQueue();
    RunStatus status = RunStatus.FAILED;
    try {
      int running = 0;
      int paused = 0;
      while (true) {
        while (running < spec.parallelism() && !stop.requested()) {
          Optional<T> next = plan.next();
          if (next.isEmpty()) {
            break;
          }
          T task = next.get();
          inFlight.put(task.index(), task);
          done.submit(() -> runTask(jsc, task, plan, gpus, stop, cancellation));
          running++;
        }
        if (running == 0) {
          break;
        }
        Future<Finished<T, R>> next = done.poll(1, TimeUnit.SECONDS);
        recordings.check();
        if (next == null) {
          if (stop.requested() && !cancellation.cancelRunAgain(stop)) {
            break;
          }
          continue;
        }
        // outcomes that arrived together go to the plan together (one commit, not one each); the
        // next tasks start before that commit is made
        List<FanOutPlan.Outcome<T, R>> arrived = new ArrayList<>();
        for (Future<Finished<T, R>> n = next; n != null; n = done.poll()) {
          Finished<T, R> f = n.get();
          running--;
          listener.finished(f.task().index());
          inFlight.remove(f.task().index());
          if (f.paused()) {
            paused++;
          } else {
            arrived.add(f.outcome(f.task()));
          }
        }
        if (!arrived.isEmpty()) {
          recordings.add(plan.arrived(arrived));
          plan.unneeded().stream()
              .filter(t -> inFlight.containsKey(t.index()))
              .forEach(cancellation::cancelUnneeded);
        }
      }
      recordings.drain();
      status =
          stop.requested() ? paused(plan.noun(), paused, running, tasks, stop) : plan.endStatus();
      return status;
    } catch (ExecutionException e) {
      throw failure(plan.noun(), e.getCause());
    } finally {
      pool.shutdownNow();
      awaitRecordings(recordings);
      spark.sparkContext().removeSparkListener(listener);
      spark.sparkContext().removeSparkListener(tasks);
      RunStatus end = status;
      stop.recordEnd(() -> runs.finish(runId, end));
    }
  }

  /**
   * The run's end once the stop paused {@code paused} tasks and {@code running} driver threads
   * still wait for theirs: waits for the paused tasks to end on their executors, says what
   * happened. Every one of them starts again when the run is resumed.
   */
  private RunStatus paused(
      String noun, int paused, int running, RunningTasks tasks, Preemption stop)
      throws InterruptedException {
    // a driver thread still waiting past the deadline is a task still running
    int left = running > 0 ? running : tasks.awaitIdle(submitted.get(), stop.tasksDeadline());
    log.printf(
        "run %s stopped: %d %s(s) paused, started again when the run is resumed%s%n",
        runId,
        paused + running - left,
        noun,
        left == 0
            ? ""
            : "; "
                + left
                + " still in a step at the grace's end: they continue from their last state");
    log.flush();
    return RunStatus.STOPPED;
  }

  /** A failing loop's recordings land before the run is closed; a failed one is said. */
  private void awaitRecordings(RecordingQueue recordings) {
    try (recordings) {
      RuntimeException failed = recordings.awaitAll();
      if (failed != null) {
        log.printf("run %s: recording failed: %s%n", runId, failed.getMessage());
        log.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the run is still closed below
    }
  }

  /** What the driver throws when a task's thread failed: a state mismatch as it is. */
  private static RuntimeException failure(String noun, Throwable cause) {
    if (cause instanceof TrialStateMismatchException mismatch) {
      return mismatch;
    }
    return new IllegalStateException(noun + " failed on the driver: " + cause, cause);
  }

  /** One task as a one-task Spark job; a job Spark gave up on is the plan's failed result. */
  private <T extends FanOutTask<R>, R extends Serializable> Finished<T, R> runTask(
      JavaSparkContext jsc,
      T task,
      FanOutPlan<T, R> plan,
      ResourceProfile gpus,
      Preemption stop,
      TaskCancellation cancellation) {
    Instant start = Instant.now();
    // false: a cancelled task is marked killed, its thread not interrupted (see the class comment)
    jsc.setJobGroup(runId, task.description(), false);
    int localThreads = Math.max(1, TaskResources.localCores(jsc.sc()) / spec.parallelism());
    ProgressAccumulator progress = new ProgressAccumulator();
    jsc.sc().register(progress, ProgressAccumulator.name(runId));
    cancellation.tagThisThread(task);
    Attempted<R> outcome;
    try {
      if (stop.requested()) {
        return new Finished<>(task, null, start, Instant.now());
      }
      if (cancellation.unneeded(task)) {
        return cancelled(task, plan, start);
      }
      JavaRDD<T> rdd = jsc.parallelize(List.of(task), 1);
      submitted.incrementAndGet();
      outcome =
          (gpus == null ? rdd : rdd.withResources(gpus))
              .map(t -> Attempted.run(t, progress, localThreads))
              .collect()
              .get(0);
    } catch (Exception e) {
      if (stop.requested()) {
        // cancelled by the stop (or failing as it came): paused, it runs again on resume
        return new Finished<>(task, null, start, Instant.now());
      }
      if (cancellation.unneeded(task)) {
        return cancelled(task, plan, start);
      }
      TrialStateMismatchException mismatch = TrialStateMismatchException.in(e);
      if (mismatch != null) {
        throw mismatch; // a run-wide matter (other code, other settings): not this trial's result
      }
      // Spark gave up after its retries: the task is failed, the job goes on.
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
      int attempts = TaskResources.attemptsAllowed(jsc.sc());
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1e3;
      outcome = new Attempted<>(plan.failed(task, why, attempts, seconds), attempts, null);
    }
    // started: when the attempt that gave the result began on its executor (the job may have
    // waited for a slot before)
    Instant started = outcome.started() != null ? outcome.started() : start;
    return new Finished<>(task, outcome, started, Instant.now());
  }

  private <T extends FanOutTask<R>, R extends Serializable> Finished<T, R> cancelled(
      T task, FanOutPlan<T, R> plan, Instant start) {
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1e3;
    return new Finished<>(
        task, new Attempted<>(plan.cancelled(task, seconds), 1, null), start, Instant.now());
  }
}
