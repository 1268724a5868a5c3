package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.moodnas.space.GenotypeNames;
import org.moodnas.store.ResultColumns;

/**
 * A search run's table the way tools/analyse_search_logs.py writes it, beside our table of every
 * trial: only the trials that no other trial dominates in (regularization loss, cross-entropy), as
 * tools/plot_frontier.py filters them, named by their ν among themselves (so a name may be shorter
 * than the same trial's name among all trials), by ν descending, under the published headers.
 */
public final class PublishedSearchTable {

  /** Published header → our result column, in the published order. */
  public static final Map<String, String> COLUMNS = columns();

  private PublishedSearchTable() {}

  /**
   * The published table of a search run's result table ({@link SearchResults}, in trial order).
   *
   * @param objective the run's objective, which prefixes the names
   */
  public static Dataset<Row> of(Dataset<Row> searchResults, String objective) {
    List<String> ours = new ArrayList<>(COLUMNS.values());
    List<Row> trials =
        searchResults
            .where(
                col(ResultColumns.SEARCH_REG_LOSS)
                    .isNotNull()
                    .and(col(ResultColumns.SEARCH_CRITERION_LOSS).isNotNull()))
            .select(ours.stream().map(c -> col(c)).toArray(Column[]::new))
            .collectAsList();
    int reg = ours.indexOf(ResultColumns.SEARCH_REG_LOSS);
    int crit = ours.indexOf(ResultColumns.SEARCH_CRITERION_LOSS);
    int nu = ours.indexOf(ResultColumns.NU);
    List<double[]> points =
        trials.stream().map(r -> new double[] {number(r, reg), number(r, crit)}).toList();
    List<Row> kept = nonDominated(points).stream().map(trials::get).toList();
    List<String> names =
        GenotypeNames.names(objective, kept.stream().map(r -> number(r, nu)).toList());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      Object[] cells = new Object[ours.size()];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = c == 0 ? names.get(i) : kept.get(i).get(c);
      }
      rows.add(RowFactory.create(cells));
    }
    rows.sort(Comparator.comparingDouble((Row r) -> number(r, nu)).reversed());
    StructType schema = new StructType();
    StructType from =
        searchResults.select(ours.stream().map(c -> col(c)).toArray(Column[]::new)).schema();
    int c = 0;
    for (String header : COLUMNS.keySet()) {
      DataType type = c == 0 ? DataTypes.StringType : from.fields()[c].dataType();
      schema = schema.add(header, type, true);
      c++;
    }
    return SparkSession.active().createDataFrame(rows, schema);
  }

  /** A published table under our column names again. */
  public static Dataset<Row> ours(Dataset<Row> published) {
    return published.select(
        COLUMNS.entrySet().stream()
            .map(e -> col("`" + e.getKey() + "`").as(e.getValue()))
            .toArray(Column[]::new));
  }

  private static double number(Row r, int i) {
    return ((Number) r.get(i)).doubleValue();
  }

  /**
   * The indices of the points no other point dominates (both objectives minimized), as
   * plot_frontier.py's filter keeps them going through the points in order: a point at least as
   * large in both objectives as one kept so far is dropped (so of equal points the first stays),
   * and a new point drops the kept points it is no larger than in both. In the points' order.
   */
  public static List<Integer> nonDominated(List<double[]> points) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      boolean dominated =
          kept.stream().map(points::get).anyMatch(k -> k[0] <= p[0] && k[1] <= p[1]);
      if (dominated) {
        continue;
      }
      // p is not dominated, so no kept point equals it: drop those it is at most in both
      kept.removeIf(k -> p[0] <= points.get(k)[0] && p[1] <= points.get(k)[1]);
      kept.add(i);
    }
    return kept;
  }

  private static Map<String, String> columns() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("Model name", ResultColumns.MODEL_NAME);
    c.put("Weight", ResultColumns.NU);
    c.put("Params", ResultColumns.SIZE_MB);
    c.put("Search train acc", "search_train_acc");
    c.put("Search valid acc", ResultColumns.SEARCH_ACC);
    c.put("Search crit loss", ResultColumns.SEARCH_CRITERION_LOSS);
    c.put("Search reg loss", ResultColumns.SEARCH_REG_LOSS);
    c.put("Parameters", ResultColumns.PARAMS);
    c.put("FLOPs", ResultColumns.FLOPS);
    c.put("Latency GPU", ResultColumns.LATENCY_GPU_MS);
    c.put("Latency CPU", ResultColumns.LATENCY_CPU_MS);
    return java.util.Collections.unmodifiableMap(c);
  }
}
