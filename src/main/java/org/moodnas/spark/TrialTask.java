package org.moodnas.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.TaskContext;
import org.moodnas.pareto.Point;
import org.moodnas.pareto.ToyProblem;
import org.moodnas.pareto.Weight;
import org.moodnas.train.DataSource;
import org.moodnas.train.SearchConfig;
import org.moodnas.train.SearchEpoch;
import org.moodnas.train.TrialResult;

/**
 * One trial as a Spark task: what the executor needs to run it. Simulated trials solve the toy
 * problem (after sleeping {@code simulateSeconds}, reporting progress each half second) instead of
 * training.
 */
public record TrialTask(
    String runId,
    int trialIndex,
    String objective,
    double nu,
    double criterionWeight,
    double weightDecay,
    double simulateSeconds,
    SearchConfig search,
    DataSource source)
    implements Serializable {

  /** True when the trial solves the toy problem instead of training. */
  public boolean simulated() {
    return search == null;
  }

  /**
   * Runs on the executor, reporting into {@code progress}. The accumulator must travel in the
   * task's closure, not in its data: Spark registers an accumulator with the running task (and so
   * sends it in heartbeats) only when it is deserialized inside the task.
   */
  public TrialAttempt run(ProgressAccumulator progress) throws InterruptedException {
    TaskContext ctx = TaskContext.get();
    int attempt = ctx == null ? 1 : ctx.attemptNumber() + 1;
    if (!simulated()) {
      SearchConfig config =
          search.toBuilder().regWeight(nu).criterionWeight(criterionWeight).build();
      return new TrialAttempt(
          ExecutorTraining.search(
              source,
              config,
              new TaskProgressReporter<SearchEpoch>(progress, trialIndex, config.epochs())),
          attempt);
    }
    return new TrialAttempt(simulate(ctx, progress), attempt);
  }

  private TrialResult simulate(TaskContext ctx, ProgressAccumulator progress)
      throws InterruptedException {
    long start = System.nanoTime();
    int steps = (int) Math.ceil(simulateSeconds * 2);
    TaskProgressReporter<SearchEpoch> reporter =
        new TaskProgressReporter<>(progress, trialIndex, 1);
    for (int s = 1; s <= steps; s++) {
      Thread.sleep((long) (simulateSeconds * 1000 / steps));
      reporter.step(0, s, steps, Double.NaN, Double.NaN, 0);
    }
    Point p = ToyProblem.solve(new Weight(nu, criterionWeight));
    String where = "simulated on executor " + TaskProgressReporter.executorId();
    String gpu = ExecutorTraining.assignedGpuAddress(ctx);
    return new TrialResult(
        objective,
        nu,
        criterionWeight,
        weightDecay,
        "ok",
        null,
        p.regLoss(),
        p.criterionLoss(),
        objective.equals("l1") ? p.regLoss() : null,
        objective.equals("l2") ? p.regLoss() : null,
        null,
        null,
        null,
        null,
        gpu == null ? where : where + " gpu " + gpu,
        List.of(),
        (System.nanoTime() - start) / 1e9);
  }
}
