package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.moodnas.analysis.ensemble.DriverPredictions;
import org.moodnas.analysis.ensemble.EnsembleEvaluation;
import org.moodnas.core.DeviceSpec;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSource;
import org.moodnas.data.TrainingData;
import org.moodnas.store.Predictions;

/**
 * Where {@code ensemble} finds its members' predictions: the predictions table's rows when it holds
 * every member's (for the weighing split only at the default portion, the split the table's rows
 * were scored on), else scored on the driver from their checkpoints ({@link DriverPredictions}) —
 * the stand-in until every train run records its predictions; swap it here.
 */
record EnsemblePredictions(
    SparkSession spark, Predictions table, String trainRun, DeviceSpec device, PrintWriter err) {

  /** The test frame, and the weighing frame when {@code weighed} (else null). */
  EnsembleEvaluation.Frames frames(
      List<EnsembleEvaluation.Member> members,
      TrainingData data,
      DataFeed feed,
      boolean weighed,
      boolean defaultPortion) {
    return new EnsembleEvaluation.Frames(
        of(members, Predictions.Split.TEST, feed, data.test(), true),
        weighed
            ? of(members, Predictions.Split.WEIGHTS, feed, data.heldOut(), defaultPortion)
            : null);
  }

  private Dataset<Row> of(
      List<EnsembleEvaluation.Member> members,
      Predictions.Split split,
      DataFeed feed,
      ImageSource set,
      boolean tableMayServe) {
    List<String> names = members.stream().map(EnsembleEvaluation.Member::name).toList();
    if (tableMayServe && table.members(trainRun, split).containsAll(names)) {
      err.printf("ensemble: %s predictions from the predictions table%n", split.value());
      return table.of(trainRun, names, split);
    }
    err.printf(
        "ensemble: %s predictions scored on the driver (not in the predictions table)%n",
        split.value());
    err.flush();
    List<DriverPredictions.Scored> scored =
        members.stream().map(m -> new DriverPredictions.Scored(m.key(), m.checkpoint())).toList();
    return DriverPredictions.of(spark, scored, device, feed, set, split.value());
  }
}
