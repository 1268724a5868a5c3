package org.moodnas.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.moodnas.ensemble.EnsembleEvaluation;
import org.moodnas.ensemble.EnsembleMode;
import org.moodnas.ensemble.EnsembleResult;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.EnsembleRecords;
import org.moodnas.store.EvalRecords;
import org.moodnas.store.Warehouse;
import org.moodnas.train.DataSource;
import org.moodnas.train.DeviceSpec;
import org.moodnas.train.EvalConfig;
import org.moodnas.train.EvalData;
import org.moodnas.train.TrainingInputs;
import picocli.CommandLine.Command;
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

  @Option(names = "--train-run", required = true, paramLabel = "RUN_ID")
  String trainRun;

  @Option(
      names = "--members",
      arity = "1..*",
      paramLabel = "NAME",
      description = "archs of the train run (default: every successful one)")
  List<String> members;

  @Option(
      names = "--calculate",
      description = "weights from the held-out part of the training set (default: all ones)")
  boolean calculate;

  @Option(names = "--per-class", description = "with --calculate: one weight per model and class")
  boolean perClass;

  @Option(names = "--warehouse", defaultValue = "warehouse")
  String warehouse;

  @Option(names = "--run-id", description = "name of this ensemble (default: ensemble-<time>)")
  String runId;

  @Option(
      names = "--device",
      defaultValue = "cpu",
      converter = DeviceConverter.class,
      description = "cpu or gpu:N")
  DeviceSpec device;

  @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
  String master;

  @Override
  public Integer call() {
    if (perClass && !calculate) {
      throw new IllegalArgumentException("--per-class needs --calculate");
    }
    EnsembleMode mode =
        !calculate
            ? EnsembleMode.uniform
            : perClass ? EnsembleMode.per_class : EnsembleMode.per_model;
    String id =
        runId != null
            ? runId
            : "ensemble-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    SparkSession spark = SparkSessions.getOrCreate(master);
    Warehouse wh = new Warehouse(spark, warehouse);
    if (wh.runExists(id)) {
      throw new IllegalArgumentException("--run-id " + id + ": already in the warehouse");
    }
    Row run = wh.requireRun("--train-run", trainRun, "train");
    String what = "run " + trainRun + "'s config";
    DataSource source = Json.read(run.getString(1), "data", DataSource.class, what);
    EvalConfig config = Json.read(run.getString(1), "eval", EvalConfig.class, what);
    List<EnsembleEvaluation.Member> chosen = members(new EvalRecords(wh));
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "ensemble of %s (%s weights) over run %s%n",
        chosen.stream().map(EnsembleEvaluation.Member::name).toList(), mode, trainRun);
    err.flush();
    EvalData data = TrainingInputs.evalData(source, config, new PrintWriter(new StringWriter()));
    EnsembleResult r = new EnsembleEvaluation(device).evaluate(chosen, data, mode);
    wh.checkWritable();
    wh.startRun(
        id,
        "ensemble",
        source.dataset(),
        null,
        Json.write(Map.of("train_run", trainRun, "members", r.members(), "mode", mode.name())),
        "dev");
    new EnsembleRecords(wh)
        .record(
            id,
            trainRun,
            r.members(),
            mode.name(),
            Json.write(r.weights()),
            r.params(),
            r.testTop1(),
            r.testTop5(),
            r.testLoss(),
            r.heldOutTop1());
    wh.finishRun(id, "done");
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "ensemble %s of %d networks (%d parameters): test top-1 %.4f, top-5 %.4f, mean member"
            + " loss %.4f%s%n",
        id,
        r.members().size(),
        r.params(),
        r.testTop1(),
        r.testTop5(),
        r.testLoss(),
        r.heldOutTop1() == null ? "" : String.format(", held-out top-1 %.4f", r.heldOutTop1()));
    out.printf("weights: %s%n", Json.write(r.weights()));
    out.flush();
    return 0;
  }

  private List<EnsembleEvaluation.Member> members(EvalRecords records) {
    Map<String, EvalRecords.Evaluated> byArch =
        records.evaluations(trainRun).stream()
            .collect(Collectors.toMap(EvalRecords.Evaluated::arch, Function.identity()));
    List<String> names =
        members != null
            ? members
            : byArch.values().stream()
                .filter(e -> "ok".equals(e.status()))
                .map(EvalRecords.Evaluated::arch)
                .sorted()
                .toList();
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "train run " + trainRun + " has no successful evaluations");
    }
    List<EnsembleEvaluation.Member> out = new ArrayList<>();
    for (String name : names) {
      EvalRecords.Evaluated e = byArch.get(name);
      if (e == null || !"ok".equals(e.status()) || e.checkpoint() == null) {
        throw new IllegalArgumentException(
            "--members: "
                + name
                + " has no successful evaluation with a checkpoint in run "
                + trainRun);
      }
      out.add(new EnsembleEvaluation.Member(name, e.checkpoint(), e.params()));
    }
    return out;
  }
}
