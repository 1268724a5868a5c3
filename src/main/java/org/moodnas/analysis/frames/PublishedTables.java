package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.moodnas.store.ResultColumns;

/**
 * A result table as the method's authors released it (CSV, one per run) read into the columns of
 * {@link ResultColumns}, so that it can be analysed like a run of ours. The released tables name
 * the same figure several ways; each is mapped, and an unknown column is refused.
 */
public final class PublishedTables {

  /** Released header (lower case) → result column. */
  private static final Map<String, String> HEADERS = headers();

  private PublishedTables() {}

  /** The table in {@code path} (CSV with a header), as a result table of run {@code runId}. */
  public static Dataset<Row> read(SparkSession spark, String path, String runId) {
    Dataset<Row> csv =
        spark
            .read()
            .option("header", true)
            .option("inferSchema", true)
            .option("mode", "FAILFAST")
            .csv(path);
    Map<String, String> mapped = new LinkedHashMap<>();
    for (String c : csv.columns()) {
      String to = HEADERS.get(c.trim().toLowerCase(Locale.ROOT));
      if (to == null) {
        throw new IllegalArgumentException(
            path + ": unknown column '" + c + "'; known: " + String.join(", ", HEADERS.keySet()));
      }
      if (mapped.containsValue(to)) {
        throw new IllegalArgumentException(path + ": column '" + c + "' repeats " + to);
      }
      mapped.put(c, to);
    }
    if (!mapped.containsValue(ResultColumns.MODEL_NAME)) {
      throw new IllegalArgumentException(path + ": no 'Model name' column");
    }
    List<Column> select = new ArrayList<>();
    for (String out : ResultColumns.ALL) {
      String in =
          mapped.entrySet().stream()
              .filter(e -> e.getValue().equals(out))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      select.add(column(out, in, runId));
    }
    return csv.select(select.toArray(Column[]::new));
  }

  private static Column column(String out, String in, String runId) {
    return switch (out) {
      case ResultColumns.RUN_ID -> lit(runId).as(out);
      case ResultColumns.KIND -> lit("published").as(out);
      case ResultColumns.MODEL_NAME -> col("`" + in + "`").cast("string").as(out);
      case ResultColumns.STATUS -> lit("ok").as(out);
      case ResultColumns.GENOTYPE_HASH, ResultColumns.MISSING -> lit(null).cast("string").as(out);
      default ->
          (in == null ? lit(null) : col("`" + in + "`")).cast(ResultColumns.type(out)).as(out);
    };
  }

  private static Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("model name", ResultColumns.MODEL_NAME);
    h.put("weight", ResultColumns.NU);
    h.put("size", ResultColumns.SIZE_MB);
    h.put("params", ResultColumns.SIZE_MB); // the search tables' size in MB
    for (String c :
        List.of(
            "train_loss",
            "train_acc",
            "valid_loss",
            "valid_acc",
            "valid_top5",
            "test_loss",
            "test_acc",
            "test_top5")) {
      h.put(c, c);
    }
    h.put("search train acc", "search_train_acc");
    for (String c : List.of("search crit loss", "search criterion loss", "search_criterion_loss")) {
      h.put(c, ResultColumns.SEARCH_CRITERION_LOSS);
    }
    for (String c : List.of("search reg loss", "search regularization loss", "search_reg_loss")) {
      h.put(c, ResultColumns.SEARCH_REG_LOSS);
    }
    for (String c : List.of("search valid acc", "search accuracy", "search acc", "search_acc")) {
      h.put(c, ResultColumns.SEARCH_ACC);
    }
    h.put("parameters", ResultColumns.PARAMS);
    h.put("flops", ResultColumns.FLOPS);
    h.put("latency gpu", ResultColumns.LATENCY_GPU_MS);
    h.put("latency cpu", ResultColumns.LATENCY_CPU_MS);
    return h;
  }
}
