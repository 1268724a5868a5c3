package org.moodnas.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rows as an aligned text table: every value as it is, columns as wide as their widest cell (at
 * most 60 characters); or chosen columns with rounded figures, fitted to a terminal's width.
 */
final class TablePrinter {

  /** The width a table fitted to a terminal keeps within. */
  static final int TERMINAL_WIDTH = 100;

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
    boolean[] left = new boolean[cols.length];
    Arrays.fill(left, true);
    out.println(line(List.of(cols), widths, left));
    cells.forEach(c -> out.println(line(c, widths, left)));
    out.printf("(%d rows)%n", rows.size());
  }

  static List<String> cells(Row r) {
    return IntStream.range(0, r.length())
        .mapToObj(i -> r.isNullAt(i) ? "null" : String.valueOf(r.get(i)))
        .toList();
  }

  /**
   * A column of a {@link #fitted} table: its header, the field of the row it shows, and how a
   * figure reads (null for text, shown as it is); a row without a value shows "-".
   */
  record Column(String header, String field, DoubleFunction<String> figure) {

    static Column text(String header, String field) {
      return new Column(header, field, null);
    }

    String cell(Row r) {
      int i = r.fieldIndex(field);
      if (r.isNullAt(i)) {
        return "-";
      }
      Object v = r.get(i);
      return figure == null ? String.valueOf(v) : figure.apply(((Number) v).doubleValue());
    }
  }

  /** {@code x} with {@code n} decimals: 41.03, 12.3. */
  static DoubleFunction<String> decimals(int n) {
    return x -> Double.isFinite(x) ? String.format(Locale.ROOT, "%." + n + "f", x) : finite(x);
  }

  /** {@code x / scale} to {@code n} significant digits: 563, 2.93, 0.0512, 4.54e-04. */
  static DoubleFunction<String> significant(int n, double scale) {
    return x -> {
      double v = x / scale;
      if (!Double.isFinite(v)) {
        return finite(v);
      }
      if (v == 0) {
        return "0";
      }
      double abs = Math.abs(v);
      if (abs < 1e-3 || abs >= 1e7) {
        return String.format(Locale.ROOT, "%." + (n - 1) + "e", v);
      }
      return new BigDecimal(v).round(new MathContext(n)).stripTrailingZeros().toPlainString();
    };
  }

  private static String finite(double x) {
    return Double.isNaN(x) ? "NaN" : x > 0 ? "inf" : "-inf";
  }

  /**
   * The rows in the given columns, figures right-aligned, within {@link #TERMINAL_WIDTH}
   * characters: when the cells are wider, the text columns are cut (last first, each to no less
   * than its header), their cells ending in "…".
   */
  static void fitted(PrintWriter out, List<Column> columns, List<Row> rows) {
    int n = columns.size();
    List<String> headers = columns.stream().map(Column::header).toList();
    List<List<String>> cells = new ArrayList<>();
    for (Row r : rows) {
      cells.add(columns.stream().map(c -> c.cell(r)).toList());
    }
    int[] widths = new int[n];
    boolean[] left = new boolean[n];
    for (int i = 0; i < n; i++) {
      widths[i] = headers.get(i).length();
      left[i] = columns.get(i).figure() == null;
      for (List<String> c : cells) {
        widths[i] = Math.max(widths[i], c.get(i).length());
      }
    }
    int excess = IntStream.of(widths).sum() + 2 * (n - 1) - TERMINAL_WIDTH;
    for (int i = n - 1; i >= 0 && excess > 0; i--) {
      if (left[i]) {
        int cut = Math.min(excess, widths[i] - Math.max(2, headers.get(i).length()));
        if (cut > 0) {
          widths[i] -= cut;
          excess -= cut;
        }
      }
    }
    out.println(line(headers, widths, left));
    cells.forEach(c -> out.println(line(c, widths, left)));
  }

  private static String line(List<String> cells, int[] widths, boolean[] left) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (c.length() > widths[i]) {
        c = c.substring(0, widths[i] - 1) + "…";
      }
      b.append(i == 0 ? "" : "  ")
          .append(String.format("%" + (left[i] ? "-" : "") + widths[i] + "s", c));
    }
    return b.toString().stripTrailing();
  }
}
