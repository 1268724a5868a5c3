package org.moodnas.cli;

import org.moodnas.core.CheckpointSpec;
import org.moodnas.core.FanOutSpec;
import picocli.CommandLine.Option;

/** How a Spark job spreads its trials: how many at once, GPUs per trial. */
final class FanOutOptions {

  @Option(names = "--parallelism", description = "trials (or evaluations) in flight at once")
  int parallelism = 1;

  @Option(
      names = "--gpus-per-trial",
      paramLabel = "N",
      description =
          "GPUs each trial asks Spark for; with N > 1 it trains data-parallel: each batch split"
              + " over its N GPUs, batch norm synchronized, one optimizer step (default: 1 when"
              + " the executors have GPUs, spark.executor.resource.gpu.amount, else 0: the CPU)")
  Integer gpusPerTrial;

  @Option(
      names = "--checkpoint-minutes",
      paramLabel = "M",
      description =
          "a running trial writes its whole training state to the warehouse at every epoch end and,"
              + " within an epoch, every M minutes (0: after every step); a trial that starts"
              + " again (a retried task, a resumed run) continues from it")
  double checkpointMinutes = CheckpointSpec.DEFAULT_MINUTES;

  @Option(
      names = "--restart-trials",
      description =
          "a trial whose training state was written by other code or for other settings starts"
              + " over (without it such a state is refused, naming what differs)")
  boolean restartTrials;

  FanOutSpec spec() {
    return new FanOutSpec(parallelism, gpusPerTrial, checkpointMinutes);
  }
}
