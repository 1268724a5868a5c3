package org.moodnas.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.RunStatus;
import org.moodnas.core.TrainJobSpec;
import org.moodnas.core.TrainingStateKeys;
import org.moodnas.memory.MemoryModel;
import org.moodnas.memory.MemorySample;
import org.moodnas.spark.executor.EvalAttempt;
import org.moodnas.spark.executor.EvalTask;
import org.moodnas.store.EvalRecords;
import org.moodnas.store.MemorySamples;
import org.moodnas.store.Profiles;
import org.moodnas.store.Runs;
import org.moodnas.store.Warehouse;

/**
 * The train job: every genotype is trained from scratch as a task of a {@link TaskFanOut} (one GPU
 * per task when the cluster has them), its epochs appended to eval_epochs as they end and its row
 * to eval_trials when it finishes, its network checkpointed under the warehouse and its profile,
 * taken on the executor that trained it, recorded in profiles under the run's id.
 */
public final class EvaluationJob {

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Runs runs;
  private final EvalRecords records;
  private final String runId;
  private final TrainJobSpec spec;
  private final MemoryModel memoryModel;
  private final PrintWriter log;
  private final TrainingStates trainingStates;
  private boolean discardMismatched;

  public EvaluationJob(
      SparkSession spark,
      Warehouse warehouse,
      String runId,
      TrainJobSpec spec,
      MemoryModel memoryModel,
      PrintWriter log) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.runs = new Runs(warehouse);
    this.records = new EvalRecords(warehouse);
    this.runId = runId;
    this.spec = spec;
    this.memoryModel = memoryModel;
    this.log = log;
    this.trainingStates = new TrainingStates(warehouse, runId, log);
  }

  /** Records a new run and trains every candidate; returns the run's evaluations. */
  /**
   * Evaluations that find a training state written for other settings or by other code start over
   * (the state is refused otherwise, naming what differs).
   */
  public EvaluationJob discardingMismatchedStates() {
    discardMismatched = true;
    return this;
  }

  public List<EvalRecords.Evaluated> start(List<EvalCandidate> candidates)
      throws InterruptedException {
    if (runs.exists(runId)) {
      throw new IllegalStateException("run " + runId + " is already recorded");
    }
    runs.start(runId, spec);
    return train(candidates);
  }

  /** Continues a recorded run: candidates it recorded are not trained again. */
  public List<EvalRecords.Evaluated> resume(List<EvalCandidate> candidates)
      throws InterruptedException {
    Set<String> done = new HashSet<>();
    records.evaluations(runId).forEach(e -> done.add(e.arch()));
    runs.markRunning(runId, spec);
    List<EvalCandidate> todo = candidates.stream().filter(c -> !done.contains(c.arch())).toList();
    log.printf(
        "resuming run %s: %d of %d genotypes already recorded%n",
        runId, candidates.size() - todo.size(), candidates.size());
    log.flush();
    return train(todo);
  }

  private List<EvalRecords.Evaluated> train(List<EvalCandidate> todo) throws InterruptedException {
    trainingStates.ended(
        new TaskFanOut(spark, runs, runId, spec.fanOut(), log).run(new Plan(todo)));
    return records.evaluations(runId);
  }

  /** The candidates in order; each evaluation recorded as it finishes. */
  private final class Plan implements FanOutPlan<EvalTask, EvalResult> {
    private final Deque<EvalCandidate> queue;
    private int nextIndex;

    Plan(List<EvalCandidate> todo) {
      queue = new ArrayDeque<>(todo);
    }

    @Override
    public String noun() {
      return "evaluation";
    }

    @Override
    public Optional<EvalTask> next() {
      EvalCandidate c = queue.poll();
      if (c == null) {
        return Optional.empty();
      }
      EvalTask task =
          new EvalTask(
              nextIndex++,
              c,
              spec.eval(),
              spec.sizing(),
              memoryModel,
              warehouse.checkpointPath(runId, c.arch()),
              spec.profiling(),
              trainingStates.of(
                  TrainingStateKeys.evaluation(c.arch()), spec.fanOut(), discardMismatched),
              EvalAttempt.TRAINER);
      log.printf("evaluation %d: %s started%n", task.index(), c.arch());
      log.flush();
      return Optional.of(task);
    }

    @Override
    public EvalResult failed(EvalTask task, String why, int attempts, double seconds) {
      return EvalResult.failed(
              task.candidate().genotype(),
              why,
              null,
              List.of(),
              null,
              spec.sizing().batchSize(),
              seconds)
          .withSizing(attempts, null, null);
    }

    @Override
    public void epochsEnded(EvalTask task, List<? extends Serializable> epochs) {
      records.recordEpochs(
          runId, task.candidate().arch(), epochs.stream().map(EvalEpoch.class::cast).toList());
    }

    @Override
    public void completed(
        EvalTask task, EvalResult r, int attempt, Instant started, Instant finished) {
      EvalCandidate c = task.candidate();
      if (r.profile() != null) {
        // before the evaluation's row: a resumed run retrains an unrecorded genotype, and
        // recording its profile again adds nothing
        new Profiles(warehouse).record(List.of(r.profile().withSource(runId)));
      }
      records.record(runId, c, spec.eval(), r, started, finished);
      trainingStates.recorded(TrainingStateKeys.evaluation(c.arch()));
      if (r.measuredGpuMb() != null && r.batchSize() != null) {
        // what one GPU held, at the batch that GPU trained: the model's unit, even data-parallel
        int deviceBatch = spec.fanOut().deviceBatch(r.batchSize());
        new MemorySamples(warehouse)
            .append(
                List.of(new MemorySample(r.paramSizeMb(), deviceBatch, r.measuredGpuMb())),
                MemorySamples.Source.measured,
                runId + "/" + c.arch());
      }
      log.printf(
          "evaluation %d done: %s, status %s, batch %s, %d attempt(s), test acc %s (%.1f s)%s%n",
          task.index(),
          c.arch(),
          r.status(),
          r.batchSize() == null ? "-" : r.batchSize(),
          r.attempts(),
          r.finalEpoch() == null ? "-" : String.format("%.4f", r.finalEpoch().testAcc()),
          r.durationS(),
          r.error() == null ? "" : ": " + r.error());
      log.flush();
    }

    @Override
    public RunStatus endStatus() {
      return RunStatus.DONE;
    }
  }
}
