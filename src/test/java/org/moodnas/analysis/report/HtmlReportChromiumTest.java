package org.moodnas.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moodnas.testing.HeadlessChromium;

/**
 * The report as a browser shows it: tables and decoded images present, and a click on a numeric
 * header sorting numerically (9 before 10) with the missing value last. The page and a screenshot
 * stay in target/report-screenshots to look at.
 */
class HtmlReportChromiumTest {

  private static final Path OUT = Path.of("target/report-screenshots");

  /** Clicks the accuracy header twice, noting the column after each click. */
  private static final String PROBE =
      """
      window.addEventListener('load', function () {
        var body = document.body;
        var loaded = Array.prototype.filter.call(document.images, function (i) {
          return i.complete && i.naturalWidth > 0;
        });
        body.setAttribute('data-images-loaded', loaded.length);
        var table = document.querySelector('table');
        var th = table.querySelectorAll('thead th')[2];
        function column() {
          return Array.prototype.map.call(table.tBodies[0].rows, function (r) {
            return r.cells[2].textContent;
          }).join('|');
        }
        th.querySelector('button').click();
        body.setAttribute('data-first-click', column() + ' ' + th.getAttribute('aria-sort'));
        th.querySelector('button').click();
        body.setAttribute('data-second-click', column() + ' ' + th.getAttribute('aria-sort'));
      });
      """;

  private static Path page;

  @BeforeAll
  static void writeReport() throws Exception {
    HeadlessChromium.require();
    List<LabeledPoint> points = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      points.add(new LabeledPoint(i + "e-01", 1 + i * 0.5, 93 + i, true));
      points.add(new LabeledPoint("d" + i, 1.3 + i * 0.5, 92 + i * 0.8, false));
    }
    page = OUT.resolve("report.html");
    new HtmlReport("Search c10-l1")
        .note("1 trial failed: shown as missing")
        .heading("Trials")
        .table(
            "search trials",
            List.of("name", "ν", "accuracy (%)", "params"),
            List.of(
                Arrays.asList("1e-01", 0.1, 10.0, 3634678L),
                Arrays.asList("2e-01", 0.2, 9.0, 2500000L),
                Arrays.asList("5e-01", 0.5, null, null),
                Arrays.asList("1e+00", 1.0, 100.0, 1200000L),
                Arrays.asList("2e+00", 2.0, 2.5, 900000L)))
        .image(
            "The front", Charts.front("Front", "params (M)", "accuracy (%)", points, true, false))
        .heading("Correlations")
        .table(
            "Spearman ρ",
            List.of("", "params", "accuracy"),
            List.of(List.of("params", 1.0, -0.8), List.of("accuracy", -0.8, 1.0)))
        .image(
            "Spearman ρ",
            Charts.heatMap(
                "Spearman ρ", List.of("params", "accuracy"), new double[][] {{1, -0.8}, {-0.8, 1}}))
        .write(page);
  }

  @Test
  void tablesAndImagesArePresentImagesDecodeAndHeadersSortNumerically() {
    String dom = HeadlessChromium.renderedDomWithProbe(page, PROBE);

    assertThat(dom.split("<table", -1)).hasSize(3);
    assertThat(dom.split("<img", -1)).hasSize(3);
    assertThat(attribute(dom, "data-images-loaded")).isEqualTo("2");
    assertThat(attribute(dom, "data-first-click")).isEqualTo("2.5|9|10|100|missing ascending");
    assertThat(attribute(dom, "data-second-click")).isEqualTo("100|10|9|2.5|missing descending");
  }

  @Test
  void screenshotShowsThePage() throws Exception {
    Path png = OUT.resolve("report.png");
    Files.deleteIfExists(png);

    HeadlessChromium.screenshot(page, png, 1100, 1600);

    BufferedImage image = Pixels.decode(Files.readAllBytes(png));
    assertThat(image.getWidth()).isEqualTo(1100);
    assertThat(Pixels.distinctColours(image)).isGreaterThan(200);
    assertThat(Pixels.count(image, Pixels::reddish)).as("the front, drawn").isGreaterThan(500);
  }

  private static String attribute(String dom, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as("%s in the rendered page", name).isTrue();
    return m.group(1);
  }
}
