package org.moodnas.spark.executor;

import java.util.List;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchMetrics;
import org.moodnas.core.TrialResult;
import org.moodnas.pareto.Point;
import org.moodnas.pareto.ToyProblem;

/**
 * A trial that checks the orchestration without training: it waits its seconds (reporting progress
 * each half second, like a training's steps) and returns the toy problem's exact optimum.
 */
final class SimulatedTrial {

  private SimulatedTrial() {}

  static TrialResult run(TrialTask task, ProgressAccumulator progress) throws InterruptedException {
    long start = System.nanoTime();
    double seconds = task.simulateSeconds();
    int steps = (int) Math.ceil(seconds * 2);
    TaskProgressReporter<SearchEpoch> reporter =
        new TaskProgressReporter<>(progress, task.index(), 1);
    for (int s = 1; s <= steps; s++) {
      Thread.sleep((long) (seconds * 1000 / steps));
      reporter.step(0, s, steps, Double.NaN, Double.NaN, 0);
    }
    Point p = ToyProblem.solve(task.weight());
    String where = "simulated on executor " + TaskPlacement.executorId();
    String[] gpus = TaskPlacement.assignedGpuAddresses();
    return TrialResult.ok(
        task.spec(),
        task.weight(),
        SearchMetrics.objectives(task.spec().objective(), p.regLoss(), p.criterionLoss()),
        null,
        gpus.length == 0 ? where : where + " gpu " + String.join(",", gpus),
        List.of(),
        (System.nanoTime() - start) / 1e9);
  }
}
