package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.moodnas.core.InvalidSettingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mood-nas sql}: Spark SQL over the warehouse, every table registered under its name. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Query the warehouse with Spark SQL, read-only.",
      "Its tables (runs, search_trials, search_epochs, memory_samples, …) are views; only SELECT,"
          + " WITH, VALUES, SHOW, DESCRIBE and EXPLAIN run."
    })
final class SqlCommand implements Callable<Integer> {

  enum Format {
    table,
    csv,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "QUERY")
  String query;

  @Mixin SparkOptions sparkOptions;

  @Option(names = "--format", description = "table, csv or json")
  Format format = Format.table;

  @Option(names = "--limit", description = "at most this many rows (default: ${DEFAULT-VALUE})")
  int limit = 1000;

  @Override
  public Integer call() {
    if (limit < 0) {
      throw new InvalidSettingException("limit", limit + ": must be ≥ 0");
    }
    Dataset<Row> df = sparkOptions.warehouse().query(query);
    String[] cols = df.columns();
    List<Row> rows = df.limit(limit).collectAsList();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case csv -> {
        out.println(String.join(",", cols));
        rows.forEach(
            r ->
                out.println(
                    TablePrinter.cells(r).stream()
                        .map(SqlCommand::csv)
                        .collect(Collectors.joining(","))));
      }
      case json ->
          rows.forEach(
              r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < cols.length; i++) {
                  Object v = r.get(i);
                  m.put(cols[i], v instanceof java.sql.Timestamp t ? t.toInstant().toString() : v);
                }
                out.println(Json.write(m));
              });
      case table -> TablePrinter.print(out, cols, rows);
    }
    out.flush();
    return 0;
  }

  private static String csv(String v) {
    return v.contains(",") || v.contains("\"") || v.contains("\n")
        ? "\"" + v.replace("\"", "\"\"") + "\""
        : v;
  }
}
