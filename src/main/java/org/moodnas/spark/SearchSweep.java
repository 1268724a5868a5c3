package org.moodnas.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.apache.spark.sql.SparkSession;
import org.moodnas.core.RunStatus;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SweepSpec;
import org.moodnas.core.TrainingStateKeys;
import org.moodnas.core.TrialAim;
import org.moodnas.core.TrialResult;
import org.moodnas.core.TrialStatus;
import org.moodnas.core.Weight;
import org.moodnas.pareto.Point;
import org.moodnas.pareto.Proposal;
import org.moodnas.pareto.WeightEstimator;
import org.moodnas.spark.executor.TrialTask;
import org.moodnas.store.Runs;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Warehouse;

/**
 * The Pareto sweep: the driver runs the {@link WeightEstimator}, every trial is a task of a {@link
 * TaskFanOut}, a running trial's epochs are appended to search_epochs as they end. The estimator
 * sees a finished trial at once, so the next trials start while it is appended to search_trials
 * (trials that finished together in one commit, commits in the order they finished): a resumed run
 * replays exactly the recorded trials, which are those the estimator saw first, and a trial it saw
 * but the driver did not record yet runs again, as one in flight does.
 */
public final class SearchSweep {

  private final SparkSession spark;
  private final Runs runs;
  private final SearchRecords records;
  private final String runId;
  private final SweepSpec spec;
  private final PrintWriter log;
  private final TrainingStates trainingStates;
  private boolean discardMismatched;
  private volatile double recordingSeconds;
  private int trialsRun;

  public SearchSweep(
      SparkSession spark, Warehouse warehouse, String runId, SweepSpec spec, PrintWriter log) {
    this.spark = spark;
    this.runs = new Runs(warehouse);
    this.records = new SearchRecords(warehouse);
    this.runId = runId;
    this.spec = spec;
    this.log = log;
    this.trainingStates = new TrainingStates(warehouse, runId, log);
  }

  /** Records a new run and sweeps to its end; returns the final front. */
  public List<Point> start() throws InterruptedException {
    if (runs.exists(runId)) {
      // appends are idempotent per (run, trial): a second sweep under this id would be dropped
      throw new IllegalStateException("run " + runId + " is already recorded");
    }
    runs.start(runId, spec);
    return sweep(
        new WeightEstimator(spec.initialWeights(), spec.delta(), spec.speculate()), Set.of());
  }

  /**
   * Continues a recorded run: the estimator replays the recorded trials in order of proposal, no
   * finished trial runs again, and the indices of trials that were in flight when the driver died
   * are given to the next trials, so that a run's indices have no gaps.
   */
  public List<Point> resume() throws InterruptedException {
    WeightEstimator estimator =
        new WeightEstimator(spec.initialWeights(), spec.delta(), spec.speculate());
    SortedMap<Integer, TrialResult> recorded = records.trialsByIndex(runId);
    for (TrialResult r : recorded.values()) {
      estimator.replay(r.weight(), r.ok() ? Point.of(r) : null);
    }
    runs.markRunning(runId, spec);
    int cutShort = recorded.isEmpty() ? 0 : recorded.lastKey() + 1 - recorded.size();
    log.printf(
        "resuming run %s after %d recorded trials%s%n",
        runId,
        recorded.size(),
        cutShort == 0 ? "" : " (" + cutShort + " cut short: their indices are run again)");
    log.flush();
    return sweep(estimator, recorded.keySet());
  }

  private List<Point> sweep(WeightEstimator estimator, Set<Integer> recorded)
      throws InterruptedException {
    trainingStates.ended(
        new TaskFanOut(spark, runs, runId, spec.fanOut(), log).run(new Plan(estimator, recorded)));
    return estimator.front().members();
  }

  /**
   * Trials that find a training state written for other settings or by other code start over (the
   * state is refused otherwise, naming what differs).
   */
  public SearchSweep discardingMismatchedStates() {
    discardMismatched = true;
    return this;
  }

  /** Trials this sweep ran (resumed ones excluded). */
  public int trialsRun() {
    return trialsRun;
  }

  /** Driver seconds spent appending trials to Delta, over all trials run. */
  public double recordingSeconds() {
    return recordingSeconds;
  }

  /** The estimator proposes, the trials table records, in that order. */
  private final class Plan implements FanOutPlan<TrialTask, TrialResult> {
    private final WeightEstimator estimator;
    private final Set<Integer> taken;
    private final Map<Integer, Proposal> proposals = new HashMap<>();
    private final Map<Integer, TrialTask> running = new HashMap<>();
    private int nextIndex;

    /** Proposes trials under the indices not {@code recorded} yet, lowest first. */
    Plan(WeightEstimator estimator, Set<Integer> recorded) {
      this.estimator = estimator;
      this.taken = new HashSet<>(recorded);
    }

    @Override
    public String noun() {
      return "trial";
    }

    @Override
    public Optional<TrialTask> next() {
      if (estimator.done() || (spec.maxTrials() > 0 && taken.size() >= spec.maxTrials())) {
        return Optional.empty();
      }
      Optional<Proposal> p = estimator.propose();
      if (p.isEmpty()) {
        return Optional.empty();
      }
      Weight weight = p.get().weight();
      while (taken.contains(nextIndex)) {
        nextIndex++;
      }
      taken.add(nextIndex);
      TrialTask task =
          new TrialTask(
              nextIndex,
              spec.trial(),
              weight,
              spec.simulate() ? spec.simulateSeconds() : null,
              trainingStates.of(
                  TrainingStateKeys.search(nextIndex, weight), spec.fanOut(), discardMismatched));
      proposals.put(task.index(), p.get());
      running.put(task.index(), task);
      TrialLines.started(log, task, TrialLines.aim(p.get()));
      return Optional.of(task);
    }

    @Override
    public List<TrialTask> unneeded() {
      return estimator.unneeded().stream()
          .flatMap(u -> running.values().stream().filter(t -> t.weight().equals(u.weight())))
          .toList();
    }

    @Override
    public TrialResult cancelled(TrialTask task, double seconds) {
      String why =
          "cancelled: the front no longer needs it (the members around ν %.6g are within δ = %s)";
      return TrialResult.cancelled(
          task.spec(),
          task.weight(),
          String.format(why, task.weight().nu(), spec.delta()),
          seconds);
    }

    @Override
    public TrialResult failed(TrialTask task, String why, int attempts, double seconds) {
      return TrialResult.failed(task.spec(), task.weight(), why, null, List.of(), seconds);
    }

    @Override
    public void epochsEnded(TrialTask task, List<? extends Serializable> epochs) {
      records.recordEpochs(
          runId, task.index(), epochs.stream().map(SearchEpoch.class::cast).toList());
    }

    @Override
    public void completed(
        TrialTask task, TrialResult r, int attempt, Instant started, Instant finished) {
      arrived(List.of(new Outcome<>(task, r, attempt, started, finished))).run();
    }

    /**
     * Hands the trials to the estimator in finishing order, so that the next proposals start from
     * them, and returns their recording: one commit, then their training states go.
     */
    @Override
    public Runnable arrived(List<Outcome<TrialTask, TrialResult>> outcomes) {
      List<SearchRecords.FinishedTrial> rows = new ArrayList<>();
      for (Outcome<TrialTask, TrialResult> o : outcomes) {
        TrialTask task = o.task();
        TrialResult r = o.result();
        running.remove(task.index());
        TrialAim aim = TrialLines.aim(proposals.remove(task.index()));
        rows.add(
            new SearchRecords.FinishedTrial(
                task.index(), r, aim, o.attempt(), o.started(), o.finished()));
        trialsRun++;
        if (r.ok()) {
          estimator.record(Point.of(r));
        } else if (r.status() == TrialStatus.CANCELLED) {
          estimator.cancel(task.weight());
        } else {
          estimator.recordFailure(task.weight());
        }
        TrialLines.done(log, task, r);
      }
      return () -> record(rows);
    }

    private void record(List<SearchRecords.FinishedTrial> rows) {
      long recordStart = System.nanoTime();
      records.recordTrials(runId, rows);
      recordingSeconds += (System.nanoTime() - recordStart) / 1e9;
      for (SearchRecords.FinishedTrial t : rows) {
        trainingStates.recorded(TrainingStateKeys.search(t.index(), t.result().weight()));
      }
    }

    @Override
    public RunStatus endStatus() {
      return estimator.done() ? RunStatus.DONE : RunStatus.STOPPED;
    }
  }
}
