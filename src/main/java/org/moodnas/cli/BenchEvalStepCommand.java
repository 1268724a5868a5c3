package org.moodnas.cli;

import org.moodnas.core.EvalSpec;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.train.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas bench eval-step}: one training step of an evaluation network. */
@Command(
    name = "eval-step",
    mixinStandardHelpOptions = true,
    description = "One training step of a registry genotype's evaluation network on random images.")
final class BenchEvalStepCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin BenchOptions bench = new BenchOptions(36, 20, 96);

  @Option(names = "--arch", paramLabel = "NAME", description = "a registry genotype")
  String arch = "PC_DARTS_cifar";

  @Option(names = "--auxiliary", description = "with the auxiliary head")
  boolean auxiliary;

  @Override
  public void run() {
    Devices.requireVisible(bench.device);
    EvalSpec s =
        EvalSpec.DEFAULTS
            .withTraining(bench.training(EvalSpec.DEFAULTS.training()))
            .withAuxiliary(auxiliary)
            .withDevice(bench.device);
    NetworkSpec net =
        NetworkSpec.cifar(
                GenotypeRegistry.bundled().get(arch),
                bench.initChannels,
                bench.layers,
                bench.classes,
                auxiliary)
            .withInput(bench.inputChannels, bench.imageSize);
    BenchCommand.print(spec.commandLine().getOut(), bench.benchmark().evalStep(s, net));
  }
}
