package org.moodnas.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mood-nas memory-model}: the GPU-memory model that sizes training batches. */
@Command(
    name = "memory-model",
    mixinStandardHelpOptions = true,
    description =
        "The GPU-memory model (degree-2 polynomial + ridge, MLlib): fit, predict, batch-size,"
            + " import.",
    subcommands = {
      MemoryFitCommand.class,
      MemoryPredictCommand.class,
      MemoryBatchSizeCommand.class,
      MemoryImportCommand.class
    })
final class MemoryModelCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a memory-model command is required (fit, predict, batch-size, import)");
  }
}
