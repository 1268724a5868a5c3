package org.moodnas.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  private static final String EVIL = "<script>alert('x')</script>";

  @Test
  void escapesEveryTextItIsGiven() {
    String html =
        new HtmlReport(EVIL)
            .heading(EVIL)
            .paragraph(EVIL)
            .note(EVIL)
            .table(EVIL, List.of(EVIL), List.of(List.of(EVIL)))
            .image(EVIL, new byte[] {1, 2, 3})
            .html();

    assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)");
    assertThat(html.split("<script>", -1)).as("the report's own script only").hasSize(2);
  }

  @Test
  void embedsImagesAsDataUrisAndReferencesNoUrl() {
    byte[] png = new byte[300];
    Arrays.fill(png, (byte) 0xFF); // base64 "////…": the URL check must look past data URIs
    String html = new HtmlReport("r").image("front", png).html();

    assertThat(html)
        .contains("<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png))
        .contains("<figcaption>front</figcaption>");
    String outsideData = html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]*", "");
    assertThat(outsideData).doesNotContain("http:", "https:", "//", "src=\"/", "url(");
  }

  @Test
  void formatsMissingValuesAndNumbersForReading() {
    String html =
        new HtmlReport("r")
            .table(
                "trials",
                List.of("arch", "acc", "params", "ok"),
                List.of(
                    Arrays.asList("a", 0.1 + 0.2, 3634678L, true),
                    Arrays.asList(null, null, null, null)))
            .html();

    assertThat(html)
        .contains("<td class=\"missing\">missing</td>")
        .contains(">0.3</td>")
        .contains(">3634678</td>")
        .contains("<td>true</td>")
        .contains("data-type=\"number\" aria-sort=\"none\"><button type=\"button\">acc")
        .contains("data-type=\"text\" aria-sort=\"none\"><button type=\"button\">arch");
  }

  @Test
  void numbersHaveAtMostSixSignificantDigitsAndNoExponentForOrdinaryMagnitudes() {
    assertThat(HtmlCells.number(3.14159265)).isEqualTo("3.14159");
    assertThat(HtmlCells.number(2.0)).isEqualTo("2");
    assertThat(HtmlCells.number(1234567.891)).isEqualTo("1234570");
    assertThat(HtmlCells.number(0.000123456789)).isEqualTo("0.000123457");
    assertThat(HtmlCells.number(-97.5)).isEqualTo("-97.5");
    assertThat(HtmlCells.number(1.5e-7)).isEqualTo("1.5e-07");
    assertThat(HtmlCells.number(0)).isEqualTo("0");
    assertThat(HtmlCells.number(Double.NaN)).isEqualTo("NaN");
  }

  @Test
  void rejectsRowsOfTheWrongLength() {
    assertThatThrownBy(() -> new HtmlReport("r").table("t", List.of("a", "b"), List.of(List.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 0");
  }

  @Test
  void writesAtomicallyReplacingAnOldReportAndLeavingNoTemporaryFile(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("report.html");
    Files.writeString(file, "old");

    new HtmlReport("new one").paragraph("hello").write(file);

    assertThat(Files.readString(file)).contains("<h1>new one</h1>", "<p>hello</p>");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void theReportIsAsReadableAsAnyOtherFileWrittenBesideIt(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("results.csv");
    Files.writeString(csv, "a,b\n");
    Path report = dir.resolve("report.html");

    new HtmlReport("r").paragraph("p").write(report);

    assertThat(Files.getPosixFilePermissions(report))
        .isEqualTo(Files.getPosixFilePermissions(csv))
        .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }
}
