package org.moodnas.cli;

import java.util.concurrent.Callable;
import org.moodnas.core.BatchRule;
import org.moodnas.core.BatchSizing;
import org.moodnas.memory.BatchSizeSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas memory-model batch-size}: the batch the model picks for a GPU's memory. */
@Command(
    name = "batch-size",
    mixinStandardHelpOptions = true,
    description =
        "The batch the memory model picks for --gpu-memory-mb less --margin-mb, by --batch-rule.")
final class MemoryBatchSizeCommand implements Callable<Integer> {

  /** The rules, for this command's and train's --batch-rule. */
  static final String RULE_HELP =
      "published: the first batch predicted at or over the GPU's free memory less --margin-mb"
          + " (batch_train.py's calculate_batch_size); under-budget: the largest batch predicted"
          + " within it (default: ${DEFAULT-VALUE})";

  @Spec CommandSpec spec;

  @Mixin MemoryModelOptions model;

  @Option(names = "--gpu-memory-mb", required = true, description = "the GPU's memory")
  double gpuMemoryMb;

  @Option(names = "--margin-mb", description = "memory kept free (default: ${DEFAULT-VALUE})")
  double marginMb = BatchSizeSolver.DEFAULT_MARGIN_MB;

  @Option(
      names = "--batch-rule",
      converter = Converters.Rule.class,
      paramLabel = "published|under-budget",
      description = RULE_HELP)
  BatchRule batchRule = BatchSizing.DEFAULT.batchRule();

  @Override
  public Integer call() {
    double paramsMb = model.paramsMb();
    if (!(gpuMemoryMb > 0) || !(marginMb >= 0)) {
      throw new IllegalArgumentException(
          "--gpu-memory-mb must be positive and --margin-mb not negative");
    }
    BatchSizeSolver solver = new BatchSizeSolver(model.load());
    int batch =
        batchRule == BatchRule.PUBLISHED
            ? solver.firstBatchReachingBudget(paramsMb, gpuMemoryMb, marginMb)
            : solver.largestBatch(paramsMb, gpuMemoryMb, marginMb);
    spec.commandLine().getOut().println(batch);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
