package org.moodnas.spark;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.moodnas.memory.MemoryModel;
import org.moodnas.train.DataSource;
import org.moodnas.train.EvalConfig;

/**
 * One genotype's evaluation as a Spark task. The batch is {@code batchSize} when given, else on a
 * GPU the memory model's largest batch for the task's free GPU memory, else the config's;
 * out-of-memory retries use a batch 5 smaller down to {@code minBatchSize}. {@code injectedOoms}
 * makes that many first attempts fail as out of memory (fault injection for tests and drills).
 */
public record EvalTask(
    String runId,
    int index,
    String arch,
    String genotypeJson,
    EvalConfig config,
    DataSource source,
    Integer batchSize,
    int minBatchSize,
    MemoryModel memoryModel,
    double marginMb,
    String checkpoint,
    int injectedOoms)
    implements Serializable {

  /** Runs on the executor; the accumulator travels in the closure (see {@link TrialTask}). */
  public EvalAttempt run(ProgressAccumulator progress) {
    TaskContext ctx = TaskContext.get();
    int sparkAttempt = ctx == null ? 1 : ctx.attemptNumber() + 1;
    return ExecutorTraining.evaluate(
        this, new TaskProgressReporter<>(progress, index, config.epochs()), sparkAttempt);
  }
}
