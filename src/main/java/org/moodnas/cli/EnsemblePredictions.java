package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.analysis.ensemble.EnsembleEvaluation;
import org.moodnas.core.EvalSpec;
import org.moodnas.spark.PredictionJob;
import org.moodnas.store.Predictions;

/**
 * Where {@code ensemble} finds its members' predictions: the predictions table. Members it lacks (a
 * run trained with --no-predictions, or by an older version) are scored into it first, on the
 * executors; a weighing split other than the recorded one is scored on the executors without being
 * recorded. No logits reach the driver.
 */
record EnsemblePredictions(
    PredictionJob job,
    Predictions table,
    String trainRun,
    EvalSpec eval,
    Map<String, String> hashes,
    PrintWriter err) {

  /**
   * The test frame, and the weighing frame of the training images after {@code portion} when {@code
   * weighed} (else null).
   */
  EnsembleEvaluation.Frames frames(
      List<EnsembleEvaluation.Member> members, boolean weighed, double portion) {
    List<PredictionJob.Member> scored =
        members.stream()
            .map(m -> new PredictionJob.Member(m.name(), hashes.get(m.name()), m.checkpoint()))
            .toList();
    job.complete(trainRun, eval, scored);
    List<String> names = scored.stream().map(PredictionJob.Member::name).toList();
    err.println("ensemble: test predictions from the predictions table");
    Dataset<Row> test = table.of(trainRun, names, Predictions.Split.TEST);
    Dataset<Row> weighing = null;
    if (weighed && portion == PredictionJob.weighingPortion(eval.training().trainPortion())) {
      err.println("ensemble: weights predictions from the predictions table");
      weighing = table.of(trainRun, names, Predictions.Split.WEIGHTS);
    } else if (weighed) {
      err.println("ensemble: weights predictions scored on the executors (another split)");
      weighing = job.weighing(trainRun, eval, portion, scored);
    }
    err.flush();
    return new EnsembleEvaluation.Frames(test, weighing);
  }
}
