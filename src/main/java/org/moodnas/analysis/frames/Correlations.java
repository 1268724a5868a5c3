package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.stat.Correlation;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spearman's rank correlation between the figures of a result table (MLlib's {@link Correlation},
 * ties ranked by their average). A figure enters when it varies over the table; a row enters when
 * it has every figure that entered, so a model with a missing figure is left out and counted.
 */
public final class Correlations {

  private Correlations() {}

  /** Spearman's matrix over {@code candidates} (the numeric columns of a result table). */
  public static SpearmanMatrix spearman(Dataset<Row> table, List<String> candidates) {
    List<String> names = varying(table, candidates);
    long all = table.count();
    if (names.size() < 2) {
      return new SpearmanMatrix(names, new double[names.size()][names.size()], 0, all);
    }
    Column[] doubles = names.stream().map(n -> col(n).cast("double").as(n)).toArray(Column[]::new);
    Dataset<Row> complete = table.select(doubles).na().drop();
    long used = complete.count();
    if (used < 2) {
      return new SpearmanMatrix(names, nanMatrix(names.size()), used, all - used);
    }
    Dataset<Row> vectors =
        new VectorAssembler()
            .setInputCols(names.toArray(String[]::new))
            .setOutputCol("_figures")
            .transform(complete);
    Matrix m = Correlation.corr(vectors, "_figures", "spearman").head().getAs(0);
    double[][] values = new double[names.size()][names.size()];
    for (int i = 0; i < names.size(); i++) {
      for (int j = 0; j < names.size(); j++) {
        values[i][j] = m.apply(i, j);
      }
    }
    return new SpearmanMatrix(names, values, used, all - used);
  }

  /** The candidates present in the table that take at least two values. */
  private static List<String> varying(Dataset<Row> table, List<String> candidates) {
    List<String> present =
        candidates.stream().filter(c -> List.of(table.columns()).contains(c)).toList();
    if (present.isEmpty()) {
      return List.of();
    }
    Row distinct =
        table
            .agg(
                countDistinct(col(present.get(0))),
                present.stream().skip(1).map(c -> countDistinct(col(c))).toArray(Column[]::new))
            .head();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < present.size(); i++) {
      if (distinct.getLong(i) >= 2) {
        out.add(present.get(i));
      }
    }
    return out;
  }

  private static double[][] nanMatrix(int n) {
    double[][] m = new double[n][n];
    for (double[] row : m) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    return m;
  }
}
