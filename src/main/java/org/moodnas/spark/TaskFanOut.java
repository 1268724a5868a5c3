package org.moodnas.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * task Spark gave up on) goes to the plan as it completes; the run is closed with the plan's
 * status, or failed when the driver stops on an error.
 */
public final class TaskFanOut {

  private record Finished<T, R extends Serializable>(
      T task, Attempted<R> outcome, Instant started, Instant end) {}

  private final SparkSession spark;
  private final Runs runs;
  private final String runId;
  private final FanOutSpec spec;
  private final PrintWriter log;

  public TaskFanOut(SparkSession spark, Runs runs, String runId, FanOutSpec spec, PrintWriter log) {
    this.spark = spark;
    this.runs = runs;
    this.runId = runId;
    this.spec = spec;
    this.log = log;
  }

  /** Runs the plan's tasks until none is left in flight or to start, then closes the run. */
  public <T extends FanOutTask<R>, R extends Serializable> void run(FanOutPlan<T, R> plan)
      throws InterruptedException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ResourceProfile gpus = TaskResources.gpuProfile(spark.sparkContext(), spec.gpusPerTrial());
    Map<Integer, T> inFlight = new ConcurrentHashMap<>();
    SweepProgressListener listener =
        new SweepProgressListener(
            log,
            5,
            plan.noun(),
            ProgressAccumulator.name(runId),
            (index, epochs) -> {
              T task = inFlight.get(index);
              if (task != null) {
                plan.epochsEnded(task, epochs);
              }
            });
    spark.sparkContext().addSparkListener(listener);
    ExecutorService pool = Executors.newFixedThreadPool(spec.parallelism());
    CompletionService<Finished<T, R>> done = new ExecutorCompletionService<>(pool);
    RunStatus status = RunStatus.FAILED;
    try {
      int running = 0;
      while (true) {
        while (running < spec.parallelism()) {
          Optional<T> next = plan.next();
          if (next.isEmpty()) {
            break;
          }
          T task = next.get();
          inFlight.put(task.index(), task);
          done.submit(() -> runTask(jsc, task, plan, gpus));
          running++;
        }
        if (running == 0) {
          break;
        }
        Finished<T, R> f = done.take().get();
        running--;
        listener.finished(f.task().index());
        inFlight.remove(f.task().index());
        plan.completed(f.task(), f.outcome().result(), f.outcome().attempt(), f.started(), f.end());
      }
      status = plan.endStatus();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          plan.noun() + " failed on the driver: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      spark.sparkContext().removeSparkListener(listener);
      runs.finish(runId, status);
    }
  }

  /** One task as a one-task Spark job; a job Spark gave up on is the plan's failed result. */
  private <T extends FanOutTask<R>, R extends Serializable> Finished<T, R> runTask(
      JavaSparkContext jsc, T task, FanOutPlan<T, R> plan, ResourceProfile gpus) {
    Instant start = Instant.now();
    jsc.setJobGroup(runId, task.description(), true);
    int localThreads = Math.max(1, TaskResources.localCores(jsc.sc()) / spec.parallelism());
    ProgressAccumulator progress = new ProgressAccumulator();
    jsc.sc().register(progress, ProgressAccumulator.name(runId));
    Attempted<R> outcome;
    try {
      JavaRDD<T> rdd = jsc.parallelize(List.of(task), 1);
      outcome =
          (gpus == null ? rdd : rdd.withResources(gpus))
              .map(t -> Attempted.run(t, progress, localThreads))
              .collect()
              .get(0);
    } catch (Exception e) {
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
}
