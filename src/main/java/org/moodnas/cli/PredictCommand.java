package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.RunKind;
import org.moodnas.core.TrainJobSpec;
import org.moodnas.core.TrialStatus;
import org.moodnas.spark.PredictionJob;
import org.moodnas.store.EvalRecords;
import org.moodnas.store.Warehouse;
import org.moodnas.train.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mood-nas predict}: (re)computes the predictions of a train run's networks. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Score a train run's networks on the executors into the predictions table.",
      "Each network's logits of every test image (split test) and of the training images the"
          + " ensemble weighs the members on (split weights); a member's earlier rows of a split"
          + " are replaced."
    })
final class PredictCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--train-run",
      required = true,
      paramLabel = "RUN_ID",
      description = "the train run whose networks to score")
  String trainRun;

  @Option(
      names = "--members",
      arity = "1..*",
      paramLabel = "NAME",
      description = "archs of the train run (default: every successful one)")
  List<String> members;

  @Option(
      names = "--device",
      converter = Converters.Device.class,
      description = "where each executor runs the networks: cpu or gpu:N (default: cpu)")
  DeviceSpec device = DeviceSpec.CPU;

  @Option(
      names = "--batch-size",
      description = "images per forward pass (default: ${DEFAULT-VALUE})")
  int batchSize = PREDICTION_BATCH;

  /** Images per forward pass of inference: memory, not results, depends on it. */
  static final int PREDICTION_BATCH = 64;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be ≥ 1, got " + batchSize);
    }
    Devices.requireVisible(device);
    Warehouse wh = sparkOptions.warehouse();
    TrainJobSpec train =
        (TrainJobSpec) RunOptions.require(wh, "--train-run", trainRun, RunKind.TRAIN).config();
    List<PredictionJob.Member> chosen = chosen(new EvalRecords(wh), trainRun, members);
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "--train-run " + trainRun + ": no successful evaluation with a checkpoint");
    }
    wh.checkWritable();
    PrintWriter err = spec.commandLine().getErr();
    new PredictionJob(sparkOptions.session(), wh, device, batchSize, err)
        .run(trainRun, train.eval(), chosen);
    spec.commandLine()
        .getOut()
        .printf(
            "predictions of %d network(s) of run %s written: %s%n",
            chosen.size(), trainRun, chosen.stream().map(PredictionJob.Member::name).toList());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * The members of {@code run} named in {@code names} (null: every successful one with a
   * checkpoint); a name without a successful evaluation is refused.
   */
  static List<PredictionJob.Member> chosen(EvalRecords records, String run, List<String> names) {
    Map<String, EvalRecords.Evaluated> byArch =
        records.evaluations(run).stream()
            .collect(Collectors.toMap(EvalRecords.Evaluated::arch, Function.identity()));
    Map<String, String> hashes = records.genotypeHashes(run);
    List<String> wanted =
        names != null
            ? names
            : byArch.values().stream()
                .filter(e -> e.status() == TrialStatus.OK && e.checkpoint() != null)
                .map(EvalRecords.Evaluated::arch)
                .sorted()
                .toList();
    List<PredictionJob.Member> out = new ArrayList<>();
    for (String name : wanted) {
      EvalRecords.Evaluated e = byArch.get(name);
      if (e == null || e.status() != TrialStatus.OK || e.checkpoint() == null) {
        throw new IllegalArgumentException(
            "--members: " + name + " has no successful evaluation with a checkpoint in run " + run);
      }
      out.add(new PredictionJob.Member(name, hashes.get(name), e.checkpoint()));
    }
    return out;
  }
}
