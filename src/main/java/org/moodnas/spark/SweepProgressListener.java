package org.moodnas.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.moodnas.spark.executor.FanOutTask;
import org.moodnas.spark.executor.ProgressAccumulator;
import org.moodnas.spark.executor.TaskProgress;
import scala.Tuple4;
import scala.collection.Iterator;

/**
 * Prints running trials' progress on the driver console from executor heartbeats (the partial
 * values of each task's {@link ProgressAccumulator}): a line per trial when its epoch changes and
 * at most every {@code everySeconds} otherwise; hands the ended epochs a heartbeat carries to a
 * {@link EpochsEnded} when they changed since the trial's last heartbeat. It takes the accumulators
 * of its own run only ({@code accumulatorName}): another run fanned out in the same driver has
 * trials under the same indices.
 */
final class SweepProgressListener extends SparkListener {

  /** Receives a running trial's most recently ended epochs, on Spark's listener thread. */
  interface EpochsEnded {
    void ended(int trialIndex, List<? extends Serializable> epochs);
  }

  private final PrintWriter log;
  private final double everySeconds;
  private final String noun;
  private final Map<Integer, TaskProgress> lastShown = new ConcurrentHashMap<>();
  private final Map<Integer, Long> lastShownAt = new ConcurrentHashMap<>();
  private final Map<Integer, Object> lastEnded = new ConcurrentHashMap<>();
  private final EpochsEnded epochsEnded;
  private final String accumulatorName;

  /** {@code noun} names a task's unit of work in the lines: "trial", "evaluation". */
  /** Progress lines of a run's tasks from heartbeats, the epochs they carry handed to the plan. */
  static <T extends FanOutTask<R>, R extends Serializable> SweepProgressListener of(
      PrintWriter log, String runId, FanOutPlan<T, R> plan, Map<Integer, T> inFlight) {
    return new SweepProgressListener(
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
  }

  SweepProgressListener(
      PrintWriter log,
      double everySeconds,
      String noun,
      String accumulatorName,
      EpochsEnded ended) {
    this.log = log;
    this.accumulatorName = accumulatorName;
    this.everySeconds = everySeconds;
    this.noun = noun;
    this.epochsEnded = ended;
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    Iterator<Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>>> it =
        update.accumUpdates().iterator();
    while (it.hasNext()) {
      Iterator<AccumulableInfo> infos = it.next()._4().iterator();
      while (infos.hasNext()) {
        AccumulableInfo info = infos.next();
        if (info.name().isDefined()
            && info.name().get().equals(accumulatorName)
            && info.update().isDefined()
            && info.update().get() instanceof TaskProgress p) {
          show(p);
          ended(p);
        }
      }
    }
  }

  private void ended(TaskProgress p) {
    List<? extends Serializable> epochs = p.endedEpochs();
    if (epochs.isEmpty() || epochs.get(epochs.size() - 1).equals(lastEnded.get(p.trialIndex()))) {
      return;
    }
    try {
      epochsEnded.ended(p.trialIndex(), epochs);
      lastEnded.put(p.trialIndex(), epochs.get(epochs.size() - 1));
    } catch (RuntimeException e) {
      // the trial's result records them again, and a failure there stops the run
      synchronized (log) {
        log.printf(
            "%s %d: ended epochs not recorded yet: %s%n",
            noun, p.trialIndex(), String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        log.flush();
      }
    }
  }

  private void show(TaskProgress p) {
    TaskProgress before = lastShown.get(p.trialIndex());
    long now = System.nanoTime();
    long at = lastShownAt.getOrDefault(p.trialIndex(), 0L);
    boolean newEpoch = before == null || before.epoch() != p.epoch();
    if (p.equals(before) || (!newEpoch && (now - at) / 1e9 < everySeconds)) {
      return;
    }
    lastShown.put(p.trialIndex(), p);
    lastShownAt.put(p.trialIndex(), now);
    double eta = p.etaSeconds();
    StringBuilder line =
        new StringBuilder(
            String.format(
                "%s %d on executor %s: epoch %d/%d step %d/%d",
                noun,
                p.trialIndex(),
                p.executor(),
                p.epoch() + 1,
                p.epochs(),
                p.step(),
                p.steps()));
    // Simulated trials have no loss, accuracy or throughput; leave them out rather than print NaN.
    if (Double.isFinite(p.loss())) {
      line.append(String.format(" loss %.4f", p.loss()));
    }
    if (Double.isFinite(p.accuracy())) {
      line.append(String.format(" acc %.4f", p.accuracy()));
    }
    if (p.imagesPerSec() > 0) {
      line.append(String.format(" %.1f images/s", p.imagesPerSec()));
    }
    line.append(
        String.format(
            ", %.0f%% done, ETA %s",
            100 * p.fractionDone(), Double.isNaN(eta) ? "?" : String.format("%.0f s", eta)));
    synchronized (log) {
      log.println(line);
      log.flush();
    }
  }

  /** Forgets a finished trial. */
  void finished(int trialIndex) {
    lastShown.remove(trialIndex);
    lastShownAt.remove(trialIndex);
    lastEnded.remove(trialIndex);
  }
}
