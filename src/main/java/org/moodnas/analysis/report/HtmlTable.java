package org.moodnas.analysis.report;

import static org.moodnas.analysis.report.HtmlCells.escape;

import java.util.List;

/**
 * A sortable table's markup: each header a button (keyboard reachable), a column marked numeric
 * when all its present values are numbers, and numeric cells carrying their exact value for {@link
 * SortScript}.
 */
final class HtmlTable {

  private HtmlTable() {}

  static String html(String caption, List<String> columns, List<List<Object>> rows) {
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).size() != columns.size()) {
        throw new IllegalArgumentException(
            "row " + r + " has " + rows.get(r).size() + " cells, not " + columns.size());
      }
    }
    StringBuilder out = new StringBuilder("<div class=\"scroll\"><table class=\"sortable\">");
    out.append("<caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
    for (int c = 0; c < columns.size(); c++) {
      String type = numeric(rows, c) ? "number" : "text";
      out.append("<th scope=\"col\" data-type=\"")
          .append(type)
          .append("\" aria-sort=\"none\"><button type=\"button\">")
          .append(escape(columns.get(c)))
          .append("</button></th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<Object> row : rows) {
      out.append("<tr>");
      row.forEach(cell -> out.append(cell(cell)));
      out.append("</tr>\n");
    }
    return out.append("</tbody></table></div>").toString();
  }

  private static boolean numeric(List<List<Object>> rows, int column) {
    boolean any = false;
    for (List<Object> row : rows) {
      Object v = row.get(column);
      if (v != null && !(v instanceof Number)) {
        return false;
      }
      any |= v != null;
    }
    return any;
  }

  private static String cell(Object value) {
    if (value == null) {
      return "<td class=\"missing\">missing</td>";
    }
    if (value instanceof Number n) {
      String text =
          n instanceof Double || n instanceof Float
              ? HtmlCells.number(n.doubleValue())
              : n.toString();
      String style = Double.isNaN(n.doubleValue()) ? "num missing" : "num";
      return "<td class=\""
          + style
          + "\" data-value=\""
          + HtmlCells.sortKey(n)
          + "\">"
          + escape(text)
          + "</td>";
    }
    return "<td>" + escape(String.valueOf(value)) + "</td>";
  }
}
