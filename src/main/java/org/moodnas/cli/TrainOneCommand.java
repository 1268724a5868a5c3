package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.data.Datasets;
import org.moodnas.data.TrainingData;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.train.Devices;
import org.moodnas.train.EvalTrainer;
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
    description = {
      "Train one genotype from scratch (PC-DARTS train.py) without Spark: the result as JSON on"
          + " stdout (keys are eval_trials' columns), progress on stderr.",
      "Exit 0 ok, 1 when the training failed, 2 on bad input."
    })
final class TrainOneCommand implements Callable<Integer> {

  /** A registry name or a genotype's JSON. */
  static final class Which {
    @Option(names = "--arch", paramLabel = "NAME", description = "a registry genotype")
    String arch;

    @Option(names = "--genotype", paramLabel = "JSON", description = "a genotype as JSON")
    String genotypeJson;

    Genotype genotype() {
      return arch != null ? GenotypeRegistry.bundled().get(arch) : Genotype.fromJson(genotypeJson);
    }
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Mixin EvalSpecOptions eval;

  @Mixin ShardOptions shards;

  @Option(
      names = "--checkpoint",
      paramLabel = "PATH",
      description = "where to write the trained network (any Hadoop path)")
  String checkpoint;

  @Override
  public Integer call() {
    Genotype genotype = which.genotype();
    EvalSpec s = eval.spec();
    Datasets.check(s.data());
    s = s.withDevice(shards.devices(s.device(), s.training().batchSize()));
    Devices.requireVisible(s.device());
    PrintWriter err = spec.commandLine().getErr();
    TrainingData data =
        TrainingData.load(s.data(), s.training().seed(), s.training().trainPortion(), err);
    ConsoleProgress<EvalEpoch> progress =
        new ConsoleProgress<>(
            err, s.training().epochs(), eval.training.reportFreq, TrainOneCommand::line);
    EvalResult result = new EvalTrainer(s, progress).run(genotype, data, checkpoint);
    spec.commandLine().getOut().println(Json.write(result));
    spec.commandLine().getOut().flush();
    return result.ok() ? 0 : 1;
  }

  private static String line(EvalEpoch e) {
    return String.format(
        "epoch %d done: train loss %.4f acc %.4f%s test loss %.4f acc %.4f (%.1f s%s)",
        e.epoch() + 1,
        e.trainLoss(),
        e.trainAcc(),
        e.validAcc() == null ? "" : String.format(" valid acc %.4f", e.validAcc()),
        e.testLoss(),
        e.testAcc(),
        e.seconds(),
        ConsoleProgress.skipped(e.skippedImages()));
  }
}
