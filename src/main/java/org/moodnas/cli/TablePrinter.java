package org.moodnas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rows as an aligned text table: columns as wide as their widest cell, at most 60 characters. */
final class TablePrinter {

  private TablePrinter() {}

  static void print(PrintWriter out, Dataset<Row> frame) {
    print(out, frame.columns(), frame.collectAsList());
  }

  static void print(PrintWriter out, String[] cols, List<Row> rows) {
    int[] widths = new int[cols.length];
    for (int i = 0; i < cols.length; i++) {
      widths[i] = cols[i].length();
    }
    List<List<String>> cells = rows.stream().map(TablePrinter::cells).toList();
    for (List<String> c : cells) {
      for (int i = 0; i < cols.length; i++) {
        widths[i] = Math.min(60, Math.max(widths[i], c.get(i).length()));
      }
    }
    out.println(line(List.of(cols), widths));
    cells.forEach(c -> out.println(line(c, widths)));
    out.printf("(%d rows)%n", rows.size());
  }

  static List<String> cells(Row r) {
    return IntStream.range(0, r.length())
        .mapToObj(i -> r.isNullAt(i) ? "null" : String.valueOf(r.get(i)))
        .toList();
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (c.length() > widths[i]) {
        c = c.substring(0, widths[i] - 1) + "…";
      }
      b.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", c));
    }
    return b.toString().stripTrailing();
  }
}
