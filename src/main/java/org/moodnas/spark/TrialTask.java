package org.moodnas.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.TaskContext;
import org.moodnas.pareto.Point;
import org.moodnas.pareto.ToyProblem;
import org.moodnas.pareto.Weight;
import org.moodnas.train.DataSource;
import org.moodnas.train.SearchConfig;
import org.moodnas.train.TrialResult;

/**
 * One trial as a Spark task: what the executor needs to run it. Simulated trials solve the toy
 * problem (after sleeping {@code simulateSeconds}) instead of training.
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

  /** Runs on the executor. */
  public TrialResult run() throws InterruptedException {
    if (!simulated()) {
      return ExecutorTraining.search(
          source, search.toBuilder().regWeight(nu).criterionWeight(criterionWeight).build());
    }
    long start = System.nanoTime();
    if (simulateSeconds > 0) {
      Thread.sleep((long) (simulateSeconds * 1000));
    }
    Point p = ToyProblem.solve(new Weight(nu, criterionWeight));
    TaskContext ctx = TaskContext.get();
    String where = ctx == null ? "driver" : "executor task " + ctx.taskAttemptId();
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
        "simulated on " + where,
        List.of(),
        (System.nanoTime() - start) / 1e9);
  }
}
