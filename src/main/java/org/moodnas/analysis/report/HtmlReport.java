package org.moodnas.analysis.report;

import static org.moodnas.analysis.report.HtmlCells.escape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A self-contained HTML page: inline CSS, inline JS, images as data: URIs, no external request of
 * any kind (its Content-Security-Policy forbids one), so a report can be mailed, archived or opened
 * on a machine without network and still show everything. Built in call order.
 */
public final class HtmlReport {

  private static final String POLICY =
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

  private final String title;
  private final List<String> parts = new ArrayList<>();

  public HtmlReport(String title) {
    this.title = title;
  }

  public HtmlReport heading(String text) {
    parts.add("<h2>" + escape(text) + "</h2>");
    return this;
  }

  public HtmlReport paragraph(String text) {
    parts.add("<p>" + escape(text) + "</p>");
    return this;
  }

  /** A notice a reader must not miss, e.g. "2 trials failed: shown as missing". */
  public HtmlReport note(String text) {
    parts.add("<p class=\"note\" role=\"note\">⚠ " + escape(text) + "</p>");
    return this;
  }

  /**
   * A table sortable by clicking a header. Cells: null → "missing" (grey), Double/Float → at most 6
   * significant digits, anything else as its text.
   *
   * @throws IllegalArgumentException when a row's length differs from the columns'
   */
  public HtmlReport table(String caption, List<String> columns, List<List<Object>> rows) {
    parts.add(HtmlTable.html(caption, columns, rows));
    return this;
  }

  public HtmlReport image(String caption, byte[] png) {
    String data = Base64.getEncoder().encodeToString(png);
    parts.add(
        "<figure><img src=\"data:image/png;base64,"
            + data
            + "\" alt=\""
            + escape(caption)
            + "\"><figcaption>"
            + escape(caption)
            + "</figcaption></figure>");
    return this;
  }

  /**
   * A genotype's cell as an inline SVG diagram ({@link CellDiagram}): edge e applies {@code ops[e]}
   * to state {@code inputs[e]} (0, 1: the cell's inputs; k ≥ 2: node k − 2) into node e / 2.
   *
   * @throws IllegalArgumentException when the lists do not describe a cell
   */
  public HtmlReport cell(
      String caption, List<String> ops, List<Integer> inputs, List<Integer> concat) {
    parts.add(
        "<figure>"
            + CellDiagram.svg(caption, ops, inputs, concat)
            + "<figcaption>"
            + escape(caption)
            + "</figcaption></figure>");
    return this;
  }

  public String html() {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(POLICY)
        .append("\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(ReportStyle.CSS)
        .append("</style>\n</head>\n<body>\n<main>\n<h1>")
        .append(escape(title))
        .append("</h1>\n");
    parts.forEach(p -> out.append(p).append('\n'));
    out.append("</main>\n<script>\n").append(SortScript.JS).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  /** Atomically: a reader (or a browser reloading) never sees half a report. */
  public void write(Path file) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    // Not createTempFile: its file is owner-only (0600), and the report should be as readable as
    // the CSVs and charts written beside it (the process's umask decides, as for them).
    Path temp = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(
          temp,
          html(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
