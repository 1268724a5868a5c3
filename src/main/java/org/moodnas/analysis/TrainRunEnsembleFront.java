package org.moodnas.analysis;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.moodnas.analysis.ensemble.EnsembleFront;
import org.moodnas.analysis.ensemble.EnsembleSelection;
import org.moodnas.analysis.ensemble.MemberKey;
import org.moodnas.analysis.report.Charts;
import org.moodnas.core.TrialStatus;
import org.moodnas.store.EvalRecords;
import org.moodnas.store.Predictions;
import org.moodnas.store.Warehouse;

/**
 * A train run's networks and the front of their ensembles, from the predictions table: the networks
 * with predictions on both splits take part (the others are named in the log), the ensembles are
 * selected on the {@code weights} split and scored on {@code test}. One row per network ({@code
 * kind} "network") and per budget ({@code kind} "ensemble"), accuracies as fractions.
 */
final class TrainRunEnsembleFront {

  /** The columns of the frame, in order. */
  static final StructType SCHEMA =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("budget", DataTypes.LongType, true)
          .add("params", DataTypes.LongType, false)
          .add("networks", DataTypes.IntegerType, false)
          .add("members", DataTypes.StringType, false)
          .add("weights", DataTypes.StringType, false)
          .add("weighing_top1", DataTypes.DoubleType, true)
          .add("test_top1", DataTypes.DoubleType, false)
          .add("test_top5", DataTypes.DoubleType, true)
          .add("test_loss", DataTypes.DoubleType, true);

  private TrainRunEnsembleFront() {}

  /**
   * The frame of {@code trainRun}, kept on the driver (a row per network and budget); null when
   * fewer than two networks have predictions on both splits.
   */
  static Dataset<Row> of(Warehouse warehouse, String trainRun, PrintWriter log) {
    Predictions predictions = new Predictions(warehouse);
    List<EnsembleSelection.Candidate> candidates =
        candidates(warehouse, predictions, trainRun, log);
    if (candidates.size() < 2) {
      log.printf(
          "analyse: no front of ensembles for train run %s: %d network(s) with predictions%n",
          trainRun, candidates.size());
      log.flush();
      return null;
    }
    EnsembleFront front = new EnsembleFront(candidates);
    log.printf(
        "analyse: front of ensembles of %d networks, greedy selection at %d budgets%n",
        candidates.size(), front.budgets().size());
    log.flush();
    List<String> names = candidates.stream().map(c -> c.key().member()).toList();
    Dataset<Row> test = predictions.of(trainRun, names, Predictions.Split.TEST);
    Dataset<Row> weighing = predictions.of(trainRun, names, Predictions.Split.WEIGHTS);
    List<Row> rows = new ArrayList<>();
    for (EnsembleFront.Single s : front.singles(test)) {
      rows.add(
          RowFactory.create(
              "network",
              null,
              s.params(),
              1,
              s.key().member(),
              "1",
              null,
              s.testTop1(),
              null,
              null));
    }
    for (EnsembleFront.Point p : front.of(weighing, test)) {
      rows.add(
          RowFactory.create(
              "ensemble",
              p.budget(),
              p.params(),
              p.members().size(),
              p.members().stream().map(MemberKey::member).collect(Collectors.joining(";")),
              p.weights().stream()
                  .map(w -> String.format(Locale.ROOT, "%.4g", w))
                  .collect(Collectors.joining(";")),
              p.weighingTop1(),
              p.test().top1(),
              p.test().top5(),
              p.test().loss()));
    }
    return SparkSession.active().createDataFrame(rows, SCHEMA).localCheckpoint();
  }

  /** The successful networks of {@code trainRun} with predictions on both splits. */
  private static List<EnsembleSelection.Candidate> candidates(
      Warehouse warehouse, Predictions predictions, String trainRun, PrintWriter log) {
    Set<String> scored = predictions.membersWithEverySplit(trainRun);
    List<EnsembleSelection.Candidate> candidates = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (EvalRecords.Evaluated e : new EvalRecords(warehouse).evaluations(trainRun)) {
      if (e.status() != TrialStatus.OK || e.params() == null) {
        continue;
      }
      if (scored.contains(e.arch())) {
        candidates.add(
            new EnsembleSelection.Candidate(new MemberKey(trainRun, e.arch()), e.params()));
      } else {
        without.add(e.arch());
      }
    }
    if (!without.isEmpty()) {
      log.printf(
          "analyse: front of ensembles without %s (no predictions on both splits: mood-nas predict"
              + " --train-run %s)%n",
          String.join(", ", without), trainRun);
    }
    return candidates;
  }

  /**
   * Test error against parameters: the front of single networks (each network that no smaller one
   * beats) and the ensembles, one point per budget.
   */
  static AnalysisCharts.Chart chart(String trainRun, Dataset<Row> front) {
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    List<double[]> singles = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    for (Row r :
        front
            .where(col("kind").equalTo("network"))
            .orderBy(col("params"), col("test_top1").desc())
            .collectAsList()) {
      double error = 100 * (1 - r.<Double>getAs("test_top1"));
      if (error < best) {
        best = error;
        singles.add(new double[] {r.<Long>getAs("params") / 1e6, error});
      }
    }
    series.put("single networks (front)", singles);
    series.put(
        "ensembles (greedy selection, one per budget)",
        front.where(col("kind").equalTo("ensemble")).orderBy("budget").collectAsList().stream()
            .map(
                r ->
                    new double[] {
                      r.<Long>getAs("params") / 1e6, 100 * (1 - r.<Double>getAs("test_top1"))
                    })
            .toList());
    return new AnalysisCharts.Chart(
        "train_ensemble_front.png",
        "Test error against parameters: single networks and ensembles",
        Charts.curves(
            trainRun + ": front of ensembles and of single networks",
            "parameters (millions, each distinct network once)",
            "test error (%)",
            series));
  }
}
