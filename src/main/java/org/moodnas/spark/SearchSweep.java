package org.moodnas.spark;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.sql.SparkSession;
import org.moodnas.pareto.Point;
import org.moodnas.pareto.Weight;
import org.moodnas.pareto.WeightEstimator;
import org.moodnas.store.SearchRecords;
import org.moodnas.train.TrialResult;

/**
 * The Pareto sweep: the driver runs the {@link WeightEstimator}; every trial is its own Spark job
 * of one task, started from a driver thread so up to {@code parallelism} run at once (FAIR
 * scheduling) and a freed slot takes the next weight at once. Each finished trial is appended to
 * the Delta tables before the estimator sees it.
 */
public final class SearchSweep {

  /** A trial as it came back to the driver. */
  private record Finished(
      int index, Weight weight, TrialResult result, int attempt, Instant started, Instant end) {}

  private final SparkSession spark;
  private final SearchRecords records;
  private final SweepSettings settings;
  private final PrintWriter log;
  private double recordingSeconds;
  private int trialsRun;

  public SearchSweep(
      SparkSession spark, SearchRecords records, SweepSettings settings, PrintWriter log) {
    this.spark = spark;
    this.records = records;
    this.settings = settings;
    this.log = log;
  }

  /** Runs the sweep to its end and returns the final front. */
  public List<Point> run(String configJson) throws InterruptedException {
    if (records.runExists(settings.runId())) {
      // appends are idempotent per (run, trial): a second run under the same id would be dropped
      throw new IllegalArgumentException(
          "--run-id "
              + settings.runId()
              + ": already in the warehouse; continue it with --resume "
              + settings.runId());
    }
    String dataset = settings.source() == null ? "simulated" : settings.source().dataset();
    records.startRun(settings.runId(), dataset, settings.objective(), configJson, codeVersion());
    return sweep(new WeightEstimator(settings.initialWeights(), settings.delta()), 0);
  }

  /**
   * Continues a recorded run: the estimator is rebuilt by replaying the recorded trials in order
   * (each takes the proposal it was given), and no finished trial runs again.
   */
  public List<Point> resume() throws InterruptedException {
    records.requireSearchRun("--resume", settings.runId());
    WeightEstimator estimator = new WeightEstimator(settings.initialWeights(), settings.delta());
    List<TrialResult> recorded = records.trials(settings.runId());
    for (TrialResult r : recorded) {
      estimator.next();
      if (r.ok()) {
        estimator.record(
            new Point(
                r.regLoss(), r.criterionLoss(), new Weight(r.regWeight(), r.criterionWeight())));
      } else {
        estimator.recordFailure();
      }
    }
    records.markRunning(settings.runId());
    log.printf("resuming run %s after %d recorded trials%n", settings.runId(), recorded.size());
    log.flush();
    return sweep(estimator, recorded.size());
  }

  private List<Point> sweep(WeightEstimator estimator, int firstIndex) throws InterruptedException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ResourceProfile oneGpu =
        TaskResources.gpuProfile(spark.sparkContext(), settings.gpusPerTrial());
    SweepProgressListener listener = new SweepProgressListener(log, 5, "trial");
    spark.sparkContext().addSparkListener(listener);
    ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism());
    CompletionService<Finished> done = new ExecutorCompletionService<>(pool);
    int nextIndex = firstIndex;
    int running = 0;
    String status = "failed";
    try {
      while (!estimator.done()) {
        while (running < settings.parallelism()
            && (settings.maxTrials() == 0 || nextIndex < settings.maxTrials())) {
          Optional<Weight> w = estimator.next();
          if (w.isEmpty()) {
            break;
          }
          int index = nextIndex++;
          Weight weight = w.get();
          TrialTask task =
              new TrialTask(
                  settings.runId(),
                  index,
                  settings.objective(),
                  weight.nu(),
                  weight.criterionWeight(),
                  settings.weightDecay(),
                  settings.simulateSeconds(),
                  settings.search(),
                  settings.source());
          log.printf(
              "trial %d: ν = %.6g, criterion weight %.6g started%n",
              index, weight.nu(), weight.criterionWeight());
          log.flush();
          done.submit(() -> runTrial(jsc, task, weight, oneGpu));
          running++;
        }
        if (running == 0) {
          break;
        }
        Finished f = done.take().get();
        running--;
        long recordStart = System.nanoTime();
        listener.finished(f.index());
        records.recordTrial(
            settings.runId(), f.index(), f.result(), f.attempt(), f.started(), f.end());
        recordingSeconds += (System.nanoTime() - recordStart) / 1e9;
        trialsRun++;
        if (f.result().ok()) {
          estimator.record(new Point(f.result().regLoss(), f.result().criterionLoss(), f.weight()));
        } else {
          estimator.recordFailure();
        }
        log.printf(
            "trial %d done: ν = %.6g, status %s, reg_loss %s, criterion_loss %s (%.1f s)%n",
            f.index(),
            f.weight().nu(),
            f.result().status(),
            f.result().regLoss(),
            f.result().criterionLoss(),
            f.result().durationS());
        log.flush();
      }
      status = estimator.done() ? "done" : "stopped";
      return estimator.front().members();
    } catch (ExecutionException e) {
      throw new IllegalStateException("trial failed on the driver: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      spark.sparkContext().removeSparkListener(listener);
      records.finishRun(settings.runId(), status);
    }
  }

  /** Trials this sweep ran (resumed ones excluded). */
  public int trialsRun() {
    return trialsRun;
  }

  /** Driver seconds spent appending trials to Delta, over all trials run. */
  public double recordingSeconds() {
    return recordingSeconds;
  }

  private static String codeVersion() {
    String v = SearchSweep.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private Finished runTrial(
      JavaSparkContext jsc, TrialTask task, Weight weight, ResourceProfile profile) {
    Instant start = Instant.now();
    jsc.setJobGroup(task.runId(), "mood-nas trial " + task.trialIndex() + " ν=" + task.nu(), true);
    TrialResult r;
    int attempt;
    ProgressAccumulator progress = new ProgressAccumulator();
    jsc.sc().register(progress, ProgressAccumulator.NAME);
    try {
      JavaRDD<TrialTask> rdd = jsc.parallelize(List.of(task), 1);
      TrialAttempt a =
          (profile == null ? rdd : rdd.withResources(profile))
              .map(t -> t.run(progress))
              .collect()
              .get(0);
      r = a.result();
      attempt = a.attempt();
    } catch (Exception e) {
      attempt = TaskResources.attemptsAllowed(jsc.sc());
      // Spark gave up after its retries: the trial is failed, the sweep goes on.
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
      r =
          TrialResult.failed(
              task.objective(),
              task.nu(),
              task.criterionWeight(),
              task.weightDecay(),
              why,
              null,
              List.of(),
              java.time.Duration.between(start, Instant.now()).toMillis() / 1e3);
    }
    return new Finished(task.trialIndex(), weight, r, attempt, start, Instant.now());
  }
}
