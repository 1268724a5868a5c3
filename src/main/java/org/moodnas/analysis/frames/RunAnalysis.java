package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Everything derived from one run's result table: the table itself, Spearman's matrix of its
 * figures, its fronts (dominated rows kept and marked) and its best model per size budget. The
 * accuracy that ranks models is the test accuracy when the table has one, else the search's.
 */
public record RunAnalysis(
    String runId,
    String kind,
    Dataset<Row> results,
    SpearmanMatrix spearman,
    Dataset<Row> fronts,
    String accuracy,
    Dataset<Row> budgets) {

  /**
   * Analyses a result table (the output of {@link SearchResults}, {@link TrainResults} or {@link
   * PublishedTables}); cached, as each part reads it again.
   */
  public static RunAnalysis of(String runId, String kind, Dataset<Row> results) {
    Dataset<Row> table = results.localCheckpoint();
    String accuracy =
        table.where(col(ResultColumns.TEST_ACC).isNotNull()).isEmpty()
            ? ResultColumns.SEARCH_ACC
            : ResultColumns.TEST_ACC;
    List<Double> budgets = SizeBudgets.around(table);
    return new RunAnalysis(
        runId,
        kind,
        table,
        Correlations.spearman(table, ResultColumns.NUMERIC),
        Fronts.of(table).localCheckpoint(),
        accuracy,
        SizeBudgets.best(table, accuracy, budgets)
            .select(
                col("budget_mb"),
                col(ResultColumns.MODEL_NAME),
                col(ResultColumns.NU),
                col(ResultColumns.SIZE_MB),
                col(accuracy),
                col(ResultColumns.TEST_TOP5),
                col(ResultColumns.PARAMS),
                col(ResultColumns.FLOPS))
            .localCheckpoint());
  }

  /** Rows of the table with something missing. */
  public long rowsWithMissing() {
    return results.where(col(ResultColumns.MISSING).isNotNull()).count();
  }
}
