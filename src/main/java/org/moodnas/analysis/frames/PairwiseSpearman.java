package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.store.ResultColumns;

/**
 * The correlation matrix the published analysis draws (tools/analyse_train_logs.py and
 * tools/analyse_search_logs.py, through pandas): the absolute value of Spearman's ρ, each pair of
 * figures over the models that have both (so pairs may rest on different models), ties ranked by
 * their average. A figure no model has is left out (analyse_train_logs.py drops such a column
 * first; analyse_search_logs.py would show it as a row of NaN); a pair with fewer than two models,
 * or a figure that does not vary over them, is NaN. Beside {@link Correlations}: that one is signed
 * and uses only the models with every figure.
 *
 * @param names the figures, in the order asked for
 * @param values |ρ| of figure i with figure j, NaN where undefined
 * @param models how many models had both figures i and j
 */
public record PairwiseSpearman(List<String> names, double[][] values, long[][] models) {

  /**
   * The figures analyse_train_logs.py correlates, in its order: ν, size (MB of parameters), FLOPs,
   * GPU latency, search, validation and test accuracy.
   */
  public static final List<String> TRAIN =
      List.of(
          ResultColumns.NU,
          ResultColumns.SIZE_MB,
          ResultColumns.FLOPS,
          ResultColumns.LATENCY_GPU_MS,
          ResultColumns.SEARCH_ACC,
          "valid_acc",
          ResultColumns.TEST_ACC);

  /** The figures of analyse_search_logs.py's table (every numeric column), in its order. */
  public static final List<String> SEARCH =
      List.of(
          ResultColumns.NU,
          ResultColumns.SIZE_MB,
          "search_train_acc",
          ResultColumns.SEARCH_ACC,
          ResultColumns.SEARCH_CRITERION_LOSS,
          ResultColumns.SEARCH_REG_LOSS,
          ResultColumns.PARAMS,
          ResultColumns.FLOPS,
          ResultColumns.LATENCY_GPU_MS,
          ResultColumns.LATENCY_CPU_MS);

  /** The matrix over {@code figures} of {@code table} (small: collected to the driver). */
  public static PairwiseSpearman of(Dataset<Row> table, List<String> figures) {
    List<String> present =
        figures.stream().filter(f -> Arrays.asList(table.columns()).contains(f)).toList();
    if (present.isEmpty()) {
      return of(List.of(), new double[0][]);
    }
    Column[] doubles = present.stream().map(f -> col(f).cast("double")).toArray(Column[]::new);
    List<Row> rows = table.select(doubles).collectAsList();
    double[][] columns = new double[present.size()][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < present.size(); c++) {
        columns[c][r] = rows.get(r).isNullAt(c) ? Double.NaN : rows.get(r).getDouble(c);
      }
    }
    return of(present, columns);
  }

  /**
   * The matrix of {@code columns[figure][model]} (NaN: missing); a figure without any value is left
   * out.
   */
  public static PairwiseSpearman of(List<String> names, double[][] columns) {
    List<String> kept = new ArrayList<>();
    List<double[]> keptColumns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (Arrays.stream(columns[i]).anyMatch(v -> !Double.isNaN(v))) {
        kept.add(names.get(i));
        keptColumns.add(columns[i]);
      }
    }
    int n = kept.size();
    double[][] values = new double[n][n];
    long[][] models = new long[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double[] x = keptColumns.get(i);
        double[] y = keptColumns.get(j);
        List<double[]> both = new ArrayList<>();
        for (int r = 0; r < x.length; r++) {
          if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
            both.add(new double[] {x[r], y[r]});
          }
        }
        double rho = Math.abs(rankCorrelation(both));
        values[i][j] = rho;
        values[j][i] = rho;
        models[i][j] = both.size();
        models[j][i] = both.size();
      }
    }
    return new PairwiseSpearman(List.copyOf(kept), values, models);
  }

  /** Spearman's ρ of the pairs: Pearson's r of their average ranks; NaN when undefined. */
  static double rankCorrelation(List<double[]> pairs) {
    if (pairs.size() < 2) {
      return Double.NaN;
    }
    double[] rx = ranks(pairs.stream().mapToDouble(p -> p[0]).toArray());
    double[] ry = ranks(pairs.stream().mapToDouble(p -> p[1]).toArray());
    double mx = Arrays.stream(rx).average().orElseThrow();
    double my = Arrays.stream(ry).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int k = 0; k < rx.length; k++) {
      sxy += (rx[k] - mx) * (ry[k] - my);
      sxx += (rx[k] - mx) * (rx[k] - mx);
      syy += (ry[k] - my) * (ry[k] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /** Ranks from 1; tied values share the average of the ranks they span. */
  static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] ranks = new double[v.length];
    int start = 0;
    while (start < v.length) {
      int end = start;
      while (end + 1 < v.length && v[order[end + 1]] == v[order[start]]) {
        end++;
      }
      double average = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = average;
      }
      start = end + 1;
    }
    return ranks;
  }

  /** The fewest models any pair rests on (0 without figures). */
  public long fewestModels() {
    return Arrays.stream(models).flatMapToLong(Arrays::stream).min().orElse(0);
  }

  /** As a frame: a column {@code figure}, then one per figure (null where undefined). */
  public Dataset<Row> toFrame() {
    return new SpearmanMatrix(names, values, 0, 0).toFrame();
  }
}
