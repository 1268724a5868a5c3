package org.moodnas.cli;

import org.moodnas.core.Objective;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.Weight;
import org.moodnas.train.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas bench search-step}: the supernet's architecture step plus weight step. */
@Command(
    name = "search-step",
    mixinStandardHelpOptions = true,
    description = "Architecture step + weight step of the PC-DARTS supernet on random images.")
final class BenchSearchStepCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin BenchOptions bench = new BenchOptions(16, 8, 64);

  @Option(
      names = "--nu",
      paramLabel = "ν",
      description =
          "the penalty's weight (the criterion's is 1 - ν, as the sweep gives them); 0 leaves the"
              + " penalty out of the loss")
  double nu;

  @Option(
      names = {"--objective", "-o"},
      converter = Converters.Objective.class,
      description = "the penalty ν weighs: l1 (Σ|w|) or l2 (Σw²)")
  Objective objective = SearchSpec.DEFAULTS.objective();

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
            .withObjective(objective)
            .withDevice(bench.device);
    if (nu < 0 || nu > 1) {
      throw new IllegalArgumentException("--nu must be in [0, 1], got " + nu);
    }
    BenchCommand.print(
        spec.commandLine().getOut(),
        bench
            .benchmark()
            .searchStep(
                s, new Weight(nu, 1 - nu), bench.inputChannels, bench.imageSize, bench.classes));
  }
}
