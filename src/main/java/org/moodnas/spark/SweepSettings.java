package org.moodnas.spark;

import java.util.List;
import org.moodnas.pareto.Weight;
import org.moodnas.train.DataSource;
import org.moodnas.train.SearchConfig;

/**
 * A Pareto sweep's settings. {@code search} and {@code source} null: simulated trials (the toy
 * problem). {@code maxTrials} 0: no limit besides the estimator's own stop. {@code gpusPerTrial}
 * -1: one GPU per trial when the executors have GPUs (spark.executor.resource.gpu.amount), else 0.
 */
public record SweepSettings(
    String runId,
    String objective,
    List<Weight> initialWeights,
    double delta,
    int parallelism,
    double weightDecay,
    double simulateSeconds,
    int maxTrials,
    int gpusPerTrial,
    SearchConfig search,
    DataSource source) {

  public SweepSettings {
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be ≥ 1, got " + parallelism);
    }
    if (!objective.equals("l1") && !objective.equals("l2")) {
      throw new IllegalArgumentException("objective '" + objective + "' is not l1 or l2");
    }
    if (simulateSeconds < 0) {
      throw new IllegalArgumentException("--simulate-seconds must be ≥ 0");
    }
    if (maxTrials < 0) {
      throw new IllegalArgumentException("--max-trials must be ≥ 0 (0: no limit)");
    }
    if (gpusPerTrial < -1 || gpusPerTrial > 1) {
      throw new IllegalArgumentException(
          "--gpus-per-trial must be 0 or 1 (a trial trains on one device), got " + gpusPerTrial);
    }
    if ((search == null) != (source == null)) {
      throw new IllegalArgumentException("real trials need both search settings and data");
    }
    initialWeights = List.copyOf(initialWeights);
  }
}
