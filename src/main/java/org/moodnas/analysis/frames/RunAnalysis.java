package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.store.ResultColumns;

/**
 * Everything derived from one run's result table: the table itself, Spearman's matrix of its
 * figures, its fronts (dominated rows kept and marked) and its best model per size budget; beside
 * them, the published analysis's views: its correlation matrix ({@link PairwiseSpearman}) and, of a
 * search run, its table ({@link PublishedSearchTable}; null otherwise). The accuracy that ranks
 * models is the test accuracy when the table has one, else the search's.
 */
public record RunAnalysis(
    String runId,
    String kind,
    Dataset<Row> results,
    SpearmanMatrix spearman,
    Dataset<Row> fronts,
    String accuracy,
    Dataset<Row> budgets,
    PairwiseSpearman publishedSpearman,
    Dataset<Row> publishedSearch) {

  /** {@link #of(String, String, Dataset, String)} of a table that is not a search run's. */
  public static RunAnalysis of(String runId, String kind, Dataset<Row> results) {
    return of(runId, kind, results, null);
  }

  /**
   * Analyses a result table (the output of {@link SearchResults}, {@link TrainResults} or {@link
   * PublishedTables}); cached, as each part reads it again.
   *
   * @param searchObjective of a search run's table ({@link SearchResults}, in trial order): its
   *     objective, which names the trials of its published table; null for any other table
   */
  public static RunAnalysis of(
      String runId, String kind, Dataset<Row> results, String searchObjective) {
    Dataset<Row> table = results.localCheckpoint();
    Dataset<Row> publishedSearch = null;
    PairwiseSpearman published;
    if (searchObjective != null) {
      publishedSearch = PublishedSearchTable.of(table, searchObjective).localCheckpoint();
      published =
          PairwiseSpearman.of(PublishedSearchTable.ours(publishedSearch), PairwiseSpearman.SEARCH);
    } else {
      boolean evaluated =
          !table
              .where(col("valid_acc").isNotNull().or(col(ResultColumns.TEST_ACC).isNotNull()))
              .isEmpty();
      published =
          PairwiseSpearman.of(table, evaluated ? PairwiseSpearman.TRAIN : PairwiseSpearman.SEARCH);
    }
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
            .localCheckpoint(),
        published,
        publishedSearch);
  }

  /** Rows of the table with something missing. */
  public long rowsWithMissing() {
    return results.where(col(ResultColumns.MISSING).isNotNull()).count();
  }
}
