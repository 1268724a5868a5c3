package org.moodnas.cli;

import org.moodnas.core.SearchSpec;
import org.moodnas.train.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mood-nas bench search-step}: the supernet's architecture step plus weight step. */
@Command(
    name = "search-step",
    mixinStandardHelpOptions = true,
    description = "Architecture step + weight step of the PC-DARTS supernet on random images.")
final class BenchSearchStepCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin BenchOptions bench = new BenchOptions(16, 8, 64);

  @Override
  public void run() {
    Devices.requireVisible(bench.device);
    // jobs/reference/pytorch_steps.py's SGD decays the weights by 3e-4: the same update
    SearchSpec s =
        SearchSpec.DEFAULTS
            .withTraining(
                bench.training(SearchSpec.DEFAULTS.training()).toBuilder()
                    .weightDecay(SearchSpec.FIXED_L2_WEIGHT_DECAY)
                    .build())
            .withDevice(bench.device);
    BenchCommand.print(
        spec.commandLine().getOut(),
        bench.benchmark().searchStep(s, bench.inputChannels, bench.imageSize, bench.classes));
  }
}
