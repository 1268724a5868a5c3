package org.moodnas.spark.executor;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchMetrics;
import org.moodnas.core.TrialResult;
import org.moodnas.pareto.Point;
import org.moodnas.pareto.ToyProblem;

/**
 * A trial that checks the orchestration without training: it waits its seconds (reporting progress
 * each half second, like a training's steps) and returns the toy problem's exact optimum. Asked to
 * stop ({@link TaskStop}), it ends within a tenth of a second without a result, as a training ends
 * at its next step boundary.
 */
final class SimulatedTrial {

  private SimulatedTrial() {}

  static TrialResult run(TrialTask task, ProgressAccumulator progress) throws InterruptedException {
    long start = System.nanoTime();
    double seconds = task.simulateSeconds();
    int steps = (int) Math.ceil(seconds * 2);
    TaskProgressReporter<SearchEpoch> reporter =
        new TaskProgressReporter<>(progress, task.index(), 1);
    BooleanSupplier stop = TaskStop.requested();
    long stepNanos = (long) (seconds * 1e9 / steps);
    for (int s = 1; s <= steps; s++) {
      long stepEnd = System.nanoTime() + stepNanos;
      for (long left = stepNanos; left > 0; left = stepEnd - System.nanoTime()) {
        if (stop.getAsBoolean()) {
          throw new CancellationException("trial " + task.index() + " stopped at step " + s);
        }
        Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
      }
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
