package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.moodnas.testing.HeadlessChromium;

/**
 * {@code analyse} of a search run and the tiny real train run of its front: the files it writes,
 * the tables it prints, and the report as headless Chromium renders it (a screenshot stays in
 * target/report-screenshots/analysis.png to look at).
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyseCommandTest {

  /** Counts decoded images and tables, and the captions of the tables, once the page loaded. */
  private static final String PROBE =
      """
      window.addEventListener('load', function () {
        var loaded = Array.prototype.filter.call(document.images, function (i) {
          return i.complete && i.naturalWidth > 0;
        });
        document.body.setAttribute('data-images', document.images.length);
        document.body.setAttribute('data-images-loaded', loaded.length);
        document.body.setAttribute('data-tables', document.querySelectorAll('table').length);
        document.body.setAttribute('data-captions',
            Array.prototype.map.call(document.querySelectorAll('caption'), function (c) {
              return c.textContent;
            }).join('|'));
        document.body.setAttribute('data-cells',
            Array.prototype.map.call(document.querySelectorAll('svg.cell'), function (svg) {
              return svg.querySelectorAll('g.op-edge').length;
            }).join(' '));
      });
      """;

  private Path out;
  private CliRun analyse;

  @BeforeAll
  void analyseTheTinyRuns() {
    TinyAnalysis a = TinyAnalysis.get();
    out = a.out();
    analyse = a.analyse();
  }

  @Test
  void writesTablesMatricesFrontsChartsAndTheReport() throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains(
              "search_results.csv",
              "train_results.csv",
              "train_correlations.csv",
              "train_fronts.csv",
              "train_budgets.csv",
              "search_search_front.png",
              "train_accuracy_vs_params.png",
              "train_accuracy_vs_latency_cpu.png",
              "training_loss.png",
              "train_ensemble_front.csv",
              "train_ensemble_front.png",
              "report.html");
    }
    BufferedImage chart = ImageIO.read(out.resolve("train_accuracy_vs_params.png").toFile());
    assertThat(chart.getWidth()).isGreaterThan(600);
    List<String> train = Files.readAllLines(out.resolve("train_results.csv"));
    assertThat(train).hasSize(3);
    assertThat(train.get(1)).startsWith("tiny,train,l2_loss_0e00,0.0,");
    assertThat(analyse.err()).contains("open " + out.resolve("report.html"));
  }

  @Test
  void printsEachRunsResultTableAndSaysWhatIsMissing() {
    assertThat(analyse.out()).contains("search s").contains("train tiny").contains("l2_loss_1e01");
    // the front was trained; DARTS_V2, found with ν = 0.03, was not
    assertThat(analyse.err()).contains("search s: 4 models, 1 with missing figures");
    assertThat(analyse.out()).containsPattern("l2_loss_3e02 .* not evaluated");
    // Fashion-MNIST evaluations record no top-5: columns without a value are left out of the
    // printed tables and the report's result and budget tables, kept in the CSV
    assertThat(analyse.out()).contains("test acc").doesNotContain("top-5");
  }

  @Test
  void printsTablesThatFitATerminalWithRoundedFigures() throws Exception {
    List<String> lines = analyse.out().lines().toList();
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    // no figure at full precision (at most 3 significant decimals), nor in Java's exponent notation
    assertThat(analyse.out())
        .doesNotContainPattern("\\.0*[1-9]\\d{3,}")
        .doesNotContainPattern("\\dE-?\\d");
    // the printed row of a model: its search accuracy to 2 decimals and its latency to 1, as
    // its CSV row (every column at full precision) rounds
    Map<String, String> row = searchResult("l2_loss_1e01");
    double searchAcc = Double.parseDouble(row.get("search_acc"));
    double latency = Double.parseDouble(row.get("latency_cpu_ms"));
    double params = Double.parseDouble(row.get("params"));
    String printed =
        lines.stream().filter(l -> l.startsWith("l2_loss_1e01 ")).findFirst().orElseThrow();
    assertThat(printed.split("\\s+"))
        .contains(
            String.format(Locale.ROOT, "%.2f", searchAcc),
            String.format(Locale.ROOT, "%.1f", latency),
            new BigDecimal(params / 1e6)
                .round(new MathContext(3))
                .stripTrailingZeros()
                .toPlainString());
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("model ")
                    .contains("ν", "params M", "FLOPs M", "CPU ms", "search acc", "test acc"))
        .contains("(4 models, accuracies in %; every column in search_results.csv)");
    assertThat(out.resolve("search_results.csv")).isRegularFile();
  }

  @Test
  void theReportLeavesOutColumnsWithoutAValue() throws Exception {
    String report = Files.readString(out.resolve("report.html"));
    for (String caption : List.of("Result table of tiny", "Result table of s", "Best model per")) {
      int start = report.indexOf("<caption>" + caption);
      assertThat(start).as(caption).isNotNegative();
      String table = report.substring(start, report.indexOf("</table>", start));
      assertThat(table).as(caption).contains("test_acc").doesNotContain("top5");
    }
    assertThat(Files.readAllLines(out.resolve("train_results.csv")).get(0))
        .contains(",valid_acc,valid_top5,test_loss,test_acc,test_top5,");
  }

  @Test
  void profilesTheSearchsGenotypesAsThePublishedTablesCountThem() throws Exception {
    // three distinct genotypes (ν = 0.1 and 0.06 found the same one), profiled once each
    assertThat(analyse.err()).contains("profiling l2_loss_3e02 (3/3)");
    List<String> published =
        Files.readAllLines(
            Path.of(getClass().getResource("/published/cifar10_l2_train.csv").toURI()));
    String[] l2loss1e01 =
        published.stream()
            .filter(l -> l.startsWith("l2_loss_1e01,"))
            .findFirst()
            .orElseThrow()
            .split(",");
    Map<String, String> row = searchResult("l2_loss_1e01");
    // the published Parameters count the auxiliary head; FLOPs do not
    assertThat(row.get("params_with_aux")).isEqualTo(l2loss1e01[12]);
    assertThat(row.get("flops")).isEqualTo(l2loss1e01[13]);
    assertThat(Double.parseDouble(row.get("latency_cpu_ms"))).isPositive();
  }

  /** The row of search_results.csv of run "s"'s model {@code name}, column → value. */
  private Map<String, String> searchResult(String name) throws Exception {
    List<String> csv = Files.readAllLines(out.resolve("search_results.csv"));
    String[] header = csv.get(0).split(",");
    String[] row =
        csv.stream()
            .filter(l -> l.startsWith("s,search," + name + ","))
            .findFirst()
            .orElseThrow()
            .split(",", -1);
    Map<String, String> columns = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      columns.put(header[i], row[i]);
    }
    return columns;
  }

  @Test
  void theReportRendersWithItsTablesAndEveryImage() throws Exception {
    HeadlessChromium.require();
    Path report = out.resolve("report.html");
    String dom = HeadlessChromium.renderedDomWithProbe(report, PROBE);
    int images = Integer.parseInt(attribute(dom, "data-images"));
    assertThat(images).isGreaterThanOrEqualTo(6);
    assertThat(attribute(dom, "data-images-loaded")).isEqualTo(String.valueOf(images));
    assertThat(Integer.parseInt(attribute(dom, "data-tables"))).isGreaterThanOrEqualTo(8);
    assertThat(attribute(dom, "data-captions"))
        .contains("Result table of s")
        .contains("Result table of tiny")
        .contains("Best model per size budget")
        .contains("Spearman correlation over")
        .contains("Ensembles")
        .contains("Front of ensembles");
    assertThat(attribute(dom, "data-captions"))
        .contains("Absolute Spearman correlation as the published analysis computes it")
        .contains("Search table of s as the published analysis writes it");
    // the search's three distinct genotypes, each a normal and a reduction cell of 8 operations
    assertThat(attribute(dom, "data-cells")).isEqualTo("8 8 8 8 8 8");
    assertThat(dom).contains("ens").doesNotContain("http://").doesNotContain("https://");
    Path png = Path.of("target/report-screenshots/analysis.png");
    Files.createDirectories(png.getParent());
    HeadlessChromium.screenshot(report, png, 1200, 3000);
    assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(3000);
  }

  private static String attribute(String dom, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as("%s in the rendered page", name).isTrue();
    return m.group(1);
  }
}
