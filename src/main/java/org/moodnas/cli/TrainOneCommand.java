package org.moodnas.cli;

import java.util.concurrent.Callable;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.train.EvalConfig;
import org.moodnas.train.EvalData;
import org.moodnas.train.EvalEpoch;
import org.moodnas.train.EvalResult;
import org.moodnas.train.EvalTrainer;
import org.moodnas.train.TrainingInputs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas train-one}: trains one genotype from scratch, result as JSON on stdout. */
@Command(
    name = "train-one",
    mixinStandardHelpOptions = true,
    description = "Train one genotype from scratch (PC-DARTS train.py); prints the result as JSON.")
final class TrainOneCommand implements Callable<Integer> {

  /** A registry name or a genotype's JSON. */
  static final class Which {
    @Option(names = "--arch", paramLabel = "NAME", description = "a registry genotype")
    String arch;

    @Option(names = "--genotype", paramLabel = "JSON", description = "a genotype as JSON")
    String genotypeJson;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Mixin DataOptions dataOptions;

  @Mixin EvalOptions evalOptions;

  @Option(
      names = "--checkpoint",
      paramLabel = "PATH",
      description = "where to write the trained network")
  String checkpoint;

  @Override
  public Integer call() {
    Genotype genotype =
        which.arch != null
            ? GenotypeRegistry.bundled().get(which.arch)
            : Genotype.fromJson(which.genotypeJson);
    EvalConfig config = evalOptions.config(dataOptions);
    EvalData data =
        TrainingInputs.evalData(dataOptions.source(), config, spec.commandLine().getErr());
    EvalResult result =
        new EvalTrainer(
                config,
                new ConsoleProgress<EvalEpoch>(
                    spec.commandLine().getErr(),
                    config.epochs(),
                    dataOptions.reportFreq,
                    e ->
                        String.format(
                            "epoch %d done: train loss %.4f acc %.4f%s test loss %.4f acc %.4f (%.1f s)",
                            e.epoch() + 1,
                            e.trainLoss(),
                            e.trainAcc(),
                            e.validAcc() == null
                                ? ""
                                : String.format(" valid acc %.4f", e.validAcc()),
                            e.testLoss(),
                            e.testAcc(),
                            e.seconds())))
            .run(genotype, data, checkpoint);
    spec.commandLine().getOut().println(Json.write(result));
    spec.commandLine().getOut().flush();
    return "ok".equals(result.status()) ? 0 : 1;
  }
}
