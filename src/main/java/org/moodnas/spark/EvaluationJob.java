package org.moodnas.spark;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.sql.SparkSession;
import org.moodnas.memory.MemorySample;
import org.moodnas.store.EvalRecords;
import org.moodnas.store.MemorySamples;
import org.moodnas.train.EvalResult;

/**
 * The train job: every genotype is trained from scratch as its own Spark job of one task (one GPU
 * per task when the cluster has them), up to {@code parallelism} at once, each appended to
 * eval_trials and eval_epochs as it finishes, its network checkpointed under the warehouse.
 */
public final class EvaluationJob {

  private record Finished(
      EvalTask task, EvalCandidate candidate, EvalAttempt attempt, Instant started, Instant end) {}

  private final SparkSession spark;
  private final EvalRecords records;
  private final TrainSettings settings;
  private final PrintWriter log;

  public EvaluationJob(
      SparkSession spark, EvalRecords records, TrainSettings settings, PrintWriter log) {
    this.spark = spark;
    this.records = records;
    this.settings = settings;
    this.log = log;
  }

  /**
   * Evaluates the candidates (each genotype once) and returns the run's evaluations. With {@code
   * resume} the run must exist and archs it recorded are not trained again.
   */
  public List<EvalRecords.Evaluated> run(
      List<EvalCandidate> candidates, String configJson, boolean resume)
      throws InterruptedException {
    String runId = settings.runId();
    EvalCandidate.Deduplicated unique = EvalCandidate.deduplicate(candidates);
    for (Map.Entry<String, String> m : unique.mergedInto().entrySet()) {
      log.printf(
          "%s has the same genotype as %s: trained once, as %s%n",
          m.getKey(), m.getValue(), m.getValue());
    }
    Set<String> done = new HashSet<>();
    if (resume) {
      records.warehouse().requireRun("--resume", runId, "train");
      records.evaluations(runId).forEach(e -> done.add(e.arch()));
      records.markRunning(runId);
      log.printf(
          "resuming run %s: %d of %d genotypes already recorded%n",
          runId,
          unique.kept().stream().filter(c -> done.contains(c.arch())).count(),
          unique.kept().size());
    } else {
      if (records.warehouse().runExists(runId)) {
        throw new IllegalArgumentException(
            "--run-id " + runId + ": already in the warehouse; continue it with --resume " + runId);
      }
      records.startRun(runId, settings.source().dataset(), configJson, codeVersion());
    }
    List<EvalCandidate> todo = new ArrayList<>();
    for (EvalCandidate c : unique.kept()) {
      if (!done.contains(c.arch())) {
        todo.add(c);
      }
    }
    train(todo);
    return records.evaluations(runId);
  }

  private void train(List<EvalCandidate> todo) throws InterruptedException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ResourceProfile oneGpu =
        TaskResources.gpuProfile(spark.sparkContext(), settings.gpusPerTrial());
    SweepProgressListener listener = new SweepProgressListener(log, 5, "evaluation");
    spark.sparkContext().addSparkListener(listener);
    ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism());
    CompletionService<Finished> finished = new ExecutorCompletionService<>(pool);
    String status = "failed";
    try {
      for (int i = 0; i < todo.size(); i++) {
        EvalCandidate c = todo.get(i);
        EvalTask task =
            new EvalTask(
                settings.runId(),
                i,
                c.arch(),
                c.genotype().toJson(),
                settings.config(),
                settings.source(),
                settings.batchSize(),
                settings.minBatchSize(),
                settings.memoryModel(),
                settings.marginMb(),
                records.checkpointPath(settings.runId(), c.arch()),
                settings.injectedOoms());
        finished.submit(() -> evaluate(jsc, task, c, oneGpu));
      }
      for (int n = 0; n < todo.size(); n++) {
        Finished f = finished.take().get();
        listener.finished(f.task().index());
        record(f);
      }
      status = "done";
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "evaluation failed on the driver: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      spark.sparkContext().removeSparkListener(listener);
      records.finishRun(settings.runId(), status);
    }
  }

  private void record(Finished f) {
    EvalResult r = f.attempt().result();
    EvalCandidate c = f.candidate();
    records.record(
        settings.runId(),
        c.arch(),
        c.sourceRunId(),
        c.regWeight(),
        settings.source().dataset(),
        settings.config(),
        r,
        f.attempt().predictedMemoryMb(),
        f.attempt().attempts(),
        f.started(),
        f.end());
    if (f.attempt().measuredGpuMb() != null && r.batchSize() > 0) {
      new MemorySamples(records.warehouse())
          .append(
              List.of(
                  new MemorySample(r.paramSizeMb(), r.batchSize(), f.attempt().measuredGpuMb())),
              MemorySamples.Source.measured,
              settings.runId() + "/" + c.arch());
    }
    log.printf(
        "evaluation %d done: %s, status %s, batch %d, %d attempt(s), test acc %s (%.1f s)%s%n",
        f.task().index(),
        c.arch(),
        r.status(),
        r.batchSize(),
        f.attempt().attempts(),
        r.testAcc() == null ? "-" : String.format("%.4f", r.testAcc()),
        r.durationS(),
        r.error() == null ? "" : ": " + r.error());
    log.flush();
  }

  private Finished evaluate(
      JavaSparkContext jsc, EvalTask task, EvalCandidate c, ResourceProfile profile) {
    Instant start = Instant.now();
    log.printf("evaluation %d: %s started%n", task.index(), task.arch());
    log.flush();
    jsc.setJobGroup(task.runId(), "mood-nas evaluation " + task.arch(), true);
    ProgressAccumulator progress = new ProgressAccumulator();
    jsc.sc().register(progress, ProgressAccumulator.NAME);
    EvalAttempt a;
    try {
      JavaRDD<EvalTask> rdd = jsc.parallelize(List.of(task), 1);
      a =
          (profile == null ? rdd : rdd.withResources(profile))
              .map(t -> t.run(progress))
              .collect()
              .get(0);
    } catch (Exception e) {
      // Spark gave up after its retries: the evaluation is failed, the job goes on.
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
      EvalResult failed =
          new EvalResult(
              c.genotype().toJson(),
              "failed",
              why,
              0,
              0,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              settings.batchSize() == null ? 0 : settings.batchSize(),
              List.of(),
              Duration.between(start, Instant.now()).toMillis() / 1e3);
      a = new EvalAttempt(failed, null, TaskResources.attemptsAllowed(jsc.sc()), null);
    }
    return new Finished(task, c, a, start, Instant.now());
  }

  private static String codeVersion() {
    String v = EvaluationJob.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
