package org.moodnas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas memory-model predict}: GPU MB for one network size and batch. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Predicted GPU memory (MB) for a network of --params-mb M parameters.")
final class MemoryPredictCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin MemoryModelOptions model;

  @Option(names = "--batch-size", required = true, description = "images per step")
  int batchSize;

  @Override
  public Integer call() {
    double paramsMb = model.paramsMb();
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size " + batchSize + " is not positive");
    }
    double mb = model.load().predictMb(paramsMb, batchSize);
    spec.commandLine().getOut().printf("%.0f%n", mb);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
