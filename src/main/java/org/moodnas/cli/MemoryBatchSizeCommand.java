package org.moodnas.cli;

import java.util.concurrent.Callable;
import org.moodnas.memory.BatchSizeSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas memory-model batch-size}: the largest batch a GPU holds by the model. */
@Command(
    name = "batch-size",
    mixinStandardHelpOptions = true,
    description = "The largest batch whose predicted memory stays under --gpu-memory-mb − margin.")
final class MemoryBatchSizeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin MemoryModelOptions model;

  @Option(names = "--gpu-memory-mb", required = true, description = "the GPU's memory")
  double gpuMemoryMb;

  @Option(names = "--margin-mb", description = "memory kept free")
  double marginMb = BatchSizeSolver.DEFAULT_MARGIN_MB;

  @Override
  public Integer call() {
    double paramsMb = model.paramsMb();
    if (!(gpuMemoryMb > 0) || !(marginMb >= 0)) {
      throw new IllegalArgumentException(
          "--gpu-memory-mb must be positive and --margin-mb not negative");
    }
    int batch = new BatchSizeSolver(model.load()).largestBatch(paramsMb, gpuMemoryMb, marginMb);
    spec.commandLine().getOut().println(batch);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
