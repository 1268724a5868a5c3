package org.moodnas.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.moodnas.analysis.ensemble.EnsembleEvaluation;
import org.moodnas.analysis.ensemble.WeightedEnsemble;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EnsembleMode;
import org.moodnas.core.EnsembleResult;
import org.moodnas.core.EnsembleSpec;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.RunKind;
import org.moodnas.core.RunStatus;
import org.moodnas.core.TrainJobSpec;
import org.moodnas.data.TrainingData;
import org.moodnas.run.RunChoice;
import org.moodnas.spark.PredictionJob;
import org.moodnas.store.EnsembleRecords;
import org.moodnas.store.EvalRecords;
import org.moodnas.store.Lease;
import org.moodnas.store.Leases;
import org.moodnas.store.Predictions;
import org.moodnas.store.Runs;
import org.moodnas.store.Warehouse;
import org.moodnas.train.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mood-nas ensemble}: combines a train run's networks and records the ensemble's accuracy.
 */
@Command(
    name = "ensemble",
    mixinStandardHelpOptions = true,
    description =
        "Ensemble the networks of a train run: min–max scaled logits, weighted, averaged; test"
            + " top-1/top-5 into the ensembles table.")
final class EnsembleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--train-run",
      required = true,
      paramLabel = "RUN_ID",
      description = "the train run whose networks to combine")
  String trainRun;

  @Option(
      names = "--members",
      arity = "1..*",
      paramLabel = "NAME",
      description = "archs of the train run (default: every successful one)")
  List<String> members;

  @Option(
      names = "--calculate",
      description =
          "weights from the rest of the training set after --train-portion (default: all ones)")
  boolean calculate;

  @Option(
      names = {"--train-portion", "--train_portion"},
      paramLabel = "P",
      description =
          "split of the training set: the ensemble's training accuracy on the first P, --calculate"
              + " weighs the members on the rest (default: the train run's split when it held"
              + " some images out, else 0.9, ensemble.py's, whose rest the members trained on)")
  Double trainPortion;

  @Option(names = "--per-class", description = "with --calculate: one weight per model and class")
  boolean perClass;

  @Option(names = "--run-id", description = "name of this ensemble (default: ensemble-<time>)")
  String runId;

  @Option(names = "--device", converter = Converters.Device.class, description = "cpu or gpu:N")
  DeviceSpec device = DeviceSpec.CPU;

  @Mixin SparkOptions sparkOptions;

  @Mixin SelectionOptions selection;

  @Override
  public Integer call() {
    Devices.requireVisible(device);
    EnsembleMode mode = mode();
    String id = runId != null ? runId : RunChoice.newId(RunKind.ENSEMBLE);
    Warehouse wh = sparkOptions.warehouse();
    Runs runs = new Runs(wh);
    if (runs.exists(id)) {
      throw new IllegalArgumentException("--run-id " + id + ": already in the warehouse");
    }
    TrainJobSpec train =
        (TrainJobSpec) RunOptions.require(wh, "--train-run", trainRun, RunKind.TRAIN).config();
    List<EnsembleEvaluation.Member> chosen =
        EnsembleMembers.of(new EvalRecords(wh), trainRun, members);
    EvalSpec e = train.eval();
    double trained = e.training().trainPortion();
    double portion =
        trainPortion != null
            ? trainPortion
            : trained < 1 ? trained : EnsembleSpec.DEFAULT_TRAIN_PORTION;
    // checks the portion against the mode before any image is read
    new EnsembleSpec(trainRun, List.of(), mode, e.data().dataset(), portion);
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "ensemble of %s (%s) over run %s%n",
        chosen.stream().map(EnsembleEvaluation.Member::name).toList(),
        mode == EnsembleMode.GREEDY ? "greedy selection" : mode + " weights",
        trainRun);
    TrainingData data =
        TrainingData.load(
            e.data(), e.training().seed(), portion, new PrintWriter(new StringWriter()));
    sayWhichImages(err, mode, portion, trained, data);
    EnsembleEvaluation.Frames frames =
        new EnsemblePredictions(
                new PredictionJob(
                    sparkOptions.session(), wh, device, PredictCommand.PREDICTION_BATCH, err),
                new Predictions(wh),
                trainRun,
                e,
                new EvalRecords(wh).genotypeHashes(trainRun),
                err)
            .frames(chosen, mode != EnsembleMode.UNIFORM, portion);
    EnsembleEvaluation evaluation = new EnsembleEvaluation(device, err);
    long seed = e.training().seed();
    int cutout = e.training().cutoutOrZero();
    EnsembleResult r;
    if (mode == EnsembleMode.GREEDY) {
      WeightedEnsemble selected = selection.select(chosen, frames.weighing(), err);
      chosen = chosen.stream().filter(m -> selected.members().contains(m.key())).toList();
      r = evaluation.score(selected, chosen, data, seed, cutout, frames, true);
    } else {
      r = evaluation.evaluate(chosen, data, mode, seed, cutout, frames);
    }
    record(wh, runs, id, spec(chosen, mode, e, portion), r);
    return 0;
  }

  private static void sayWhichImages(
      PrintWriter err, EnsembleMode mode, double portion, double trained, TrainingData data) {
    err.printf(
        "ensemble: training accuracy on the first %s of the training set (%d images, training"
            + " transform)%n",
        percent(portion), data.train().size());
    if (mode != EnsembleMode.UNIFORM) {
      err.println(weighing(portion, trained, data.heldOut().size()));
    }
    err.flush();
  }

  private EnsembleMode mode() {
    if (perClass && !calculate) {
      throw new IllegalArgumentException("--per-class needs --calculate");
    }
    selection.check(calculate);
    return selection.on()
        ? EnsembleMode.GREEDY
        : !calculate
            ? EnsembleMode.UNIFORM
            : perClass ? EnsembleMode.PER_CLASS : EnsembleMode.PER_MODEL;
  }

  private EnsembleSpec spec(
      List<EnsembleEvaluation.Member> chosen, EnsembleMode mode, EvalSpec e, double portion) {
    return new EnsembleSpec(
        trainRun,
        chosen.stream().map(EnsembleEvaluation.Member::name).toList(),
        mode,
        e.data().dataset(),
        portion,
        selection.budget());
  }

  private void record(Warehouse wh, Runs runs, String id, EnsembleSpec ensemble, EnsembleResult r) {
    wh.checkWritable();
    PrintWriter err = spec.commandLine().getErr();
    // held while the run is recorded running, so that no one sees it lost
    try (Lease lease = new Leases(wh).acquire(id, err::println)) {
      runs.start(id, ensemble);
      new EnsembleRecords(wh).record(id, ensemble, r);
      runs.finish(id, RunStatus.DONE);
    }
    print(id, ensemble, r);
  }

  /** Which images weighed the members, and whether the members trained on them. */
  static String weighing(double portion, double trained, int images) {
    String where =
        "ensemble: weights from the rest of the training set after the first "
            + percent(portion)
            + " ("
            + images
            + " images)";
    if (portion == trained) {
      return where + ": the train run's held-out split";
    }
    if (portion < trained) {
      return where
          + (trained >= 1
              ? ", which the members trained on (the train run held no images out)"
              : ", some of which the members trained on (the train run held out the rest after "
                  + percent(trained)
                  + ")");
    }
    return where + ", held out from the members' training";
  }

  private static String percent(double portion) {
    return String.format(java.util.Locale.ROOT, "%.4g %%", portion * 100)
        .replaceAll("\\.?0+ %", " %");
  }

  private void print(String id, EnsembleSpec ensemble, EnsembleResult r) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "ensemble %s of %d networks (%d parameters): test top-1 %.4f, top-5 %.4f, mean member"
            + " loss %.4f; training part top-1 %.4f, top-5 %.4f, loss %.4f%s%n",
        id,
        ensemble.members().size(),
        r.params(),
        r.testTop1(),
        r.testTop5(),
        r.testLoss(),
        r.trainTop1(),
        r.trainTop5(),
        r.trainLoss(),
        r.heldOutTop1() == null
            ? ""
            : String.format("; weighing split top-1 %.4f", r.heldOutTop1()));
    out.printf("weights: %s%n", EnsembleRecords.weightsJson(r.weights()));
    out.flush();
  }
}
