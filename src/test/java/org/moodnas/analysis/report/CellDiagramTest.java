package org.moodnas.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.moodnas.testing.HeadlessChromium;

/**
 * Cell diagrams as visualize.py draws them: the published DARTS_V2 normal cell (genotypes.py) laid
 * out by hand, and the page a browser shows (kept in target/report-screenshots/cells.html).
 */
class CellDiagramTest {

  /** DARTS_V2's normal cell: node 3 reads node 0, so it stands a column further right. */
  private static final List<String> OPS =
      List.of(
          "sep_conv_3x3",
          "sep_conv_3x3",
          "sep_conv_3x3",
          "sep_conv_3x3",
          "sep_conv_3x3",
          "skip_connect",
          "skip_connect",
          "dil_conv_3x3");

  private static final List<Integer> INPUTS = List.of(0, 1, 0, 1, 1, 0, 0, 2);
  private static final List<Integer> CONCAT = List.of(2, 3, 4, 5);

  @Test
  void drawsEveryOperationLabelledAndTheNodesInColumnsOfTheirInputs() {
    String svg = CellDiagram.svg("normal cell of DARTS_V2", OPS, INPUTS, CONCAT);
    assertThat(count(svg, "<g class=\"op-edge\"")).isEqualTo(8);
    assertThat(count(svg, "<g class=\"concat-edge\"")).isEqualTo(4);
    assertThat(texts(svg, "op-label")).containsExactlyElementsOf(OPS);
    assertThat(texts(svg, null))
        .containsSubsequence("c_{k-2}", "c_{k-1}", "0", "1", "2", "3", "c_{k}");
    // columns: the inputs, nodes 0-2, node 3, the output: 2 margins of 28 + 3 columns of 250 + a
    // node of 74
    assertThat(svg).contains("width=\"880\"");
    assertThat(CellDiagram.svg("normal cell of DARTS_V2", OPS, INPUTS, CONCAT)).isEqualTo(svg);
  }

  @Test
  void refusesListsThatAreNoCell() {
    assertThatThrownBy(() -> CellDiagram.svg("x", OPS.subList(0, 3), INPUTS.subList(0, 3), CONCAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two edges per node");
    assertThatThrownBy(() -> CellDiagram.svg("x", OPS, List.of(0, 1, 0, 1, 1, 0, 0, 5), CONCAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reads state 5");
  }

  @Test
  void aBrowserShowsEachCellWithItsEightOperations() throws Exception {
    HeadlessChromium.require();
    Path page = Path.of("target/report-screenshots/cells.html");
    Files.createDirectories(page.getParent());
    new HtmlReport("cells")
        .cell("DARTS_V2 normal", OPS, INPUTS, CONCAT)
        // a chain: every node reads the one before and the one before that
        .cell(
            "chain",
            List.of(
                "max_pool_3x3",
                "sep_conv_5x5",
                "avg_pool_3x3",
                "sep_conv_3x3",
                "skip_connect",
                "dil_conv_5x5",
                "dil_conv_3x3",
                "max_pool_3x3"),
            List.of(0, 1, 1, 2, 2, 3, 3, 4),
            CONCAT)
        // every node reads both inputs: one column of four
        .cell(
            "fan",
            List.of(
                "skip_connect",
                "sep_conv_3x3",
                "sep_conv_3x3",
                "sep_conv_5x5",
                "avg_pool_3x3",
                "sep_conv_3x3",
                "dil_conv_3x3",
                "max_pool_3x3"),
            List.of(0, 1, 1, 0, 1, 0, 0, 1),
            CONCAT)
        .write(page);
    String dom =
        HeadlessChromium.renderedDomWithProbe(
            page,
            """
            window.addEventListener('load', function () {
              document.body.setAttribute('data-cells',
                  Array.prototype.map.call(document.querySelectorAll('svg.cell'), function (s) {
                    return s.querySelectorAll('g.op-edge').length + '/'
                        + (s.getBoundingClientRect().height > 0);
                  }).join(' '));
            });
            """);
    Matcher m = Pattern.compile("data-cells=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo("8/true 8/true 8/true");
  }

  private static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }

  /** The texts of the {@code <text>} elements of a class (any: null). */
  private static List<String> texts(String svg, String cls) {
    Matcher m =
        Pattern.compile("<text" + (cls == null ? "" : " class=\"" + cls + "\"") + "[^>]*>([^<]*)<")
            .matcher(svg);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
