package org.moodnas.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;

class ChartsTest {

  /** Above the legend, which shows both colours whatever the data. */
  private static final int PLOT_ROWS = 500;

  private static List<LabeledPoint> points(boolean withFront) {
    List<LabeledPoint> points = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      double nu = Math.pow(10, i - 4);
      points.add(new LabeledPoint(String.format("%.0e", nu), 1 + i, 90 + 1.2 * i, withFront));
      points.add(new LabeledPoint("d" + i, 1.4 + i, 89 + i, false));
    }
    return points;
  }

  private static BufferedImage front(List<LabeledPoint> points, boolean logX) {
    return Pixels.decode(Charts.front("Front", "size (MB)", "accuracy (%)", points, true, logX));
  }

  @Test
  void frontIsA900By560PngWithTheFrontInAnotherColourThanDominatedPoints() {
    BufferedImage withFront = front(points(true), false);
    BufferedImage dominatedOnly = front(points(false), false);

    assertThat(withFront.getWidth()).isEqualTo(900);
    assertThat(withFront.getHeight()).isEqualTo(560);
    assertThat(Pixels.distinctColours(withFront)).isGreaterThan(100);
    int redFront = Pixels.count(withFront, PLOT_ROWS, Pixels::reddish);
    int redWithout = Pixels.count(dominatedOnly, PLOT_ROWS, Pixels::reddish);
    assertThat(redFront).as("red front points and line").isGreaterThan(1000);
    assertThat(redWithout).as("no front, no red in the plot").isLessThan(redFront / 10);
    assertThat(Pixels.count(withFront, PLOT_ROWS, Pixels::paleBlue))
        .as("dominated points, kept")
        .isGreaterThan(200);
  }

  @Test
  void frontDrawsAwkwardDataWithoutThrowing() {
    LabeledPoint one = new LabeledPoint("only", 2, 3, true);
    List<List<LabeledPoint>> awkward =
        List.of(
            List.of(),
            List.of(one),
            List.of(one, new LabeledPoint("same", 2, 3, false), new LabeledPoint("x", 2, 3, true)),
            List.of(new LabeledPoint("zero", 0, 1, true), new LabeledPoint("neg", -1, 2, false)),
            List.of(
                one,
                new LabeledPoint("nan", Double.NaN, 1, true),
                new LabeledPoint("inf", 1, Double.POSITIVE_INFINITY, false)));
    for (List<LabeledPoint> points : awkward) {
      for (boolean logX : new boolean[] {false, true}) {
        BufferedImage image = front(points, logX);
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(Pixels.distinctColours(image)).as("%s", points).isGreaterThan(20);
      }
    }
  }

  @Test
  void labelsAtTheEdgesRunInwardsSoThePlotDoesNotClipThem() {
    List<LabeledPoint> points =
        List.of(
            new LabeledPoint("0.200", 1, 5, true),
            new LabeledPoint("0.100", 2, 4, true),
            new LabeledPoint("0.050", 5, 3, true),
            new LabeledPoint("0.010", 9, 2, true),
            new LabeledPoint("0.000", 10, 1, true));
    for (boolean logX : new boolean[] {false, true}) {
      XYPlot plot = (XYPlot) FrontChart.chart("F", "x", "y", points, true, logX).getPlot();
      XYItemRenderer r = plot.getRenderer();
      List<TextAnchor> anchors = new ArrayList<>();
      for (int i = 0; i < points.size(); i++) {
        anchors.add(r.getPositiveItemLabelPosition(0, i).getTextAnchor());
      }
      // the first label starts at its point, the last ends there (below it on the log axis,
      // where it is close to the one before), the middle one is centred
      assertThat(anchors.get(0)).as("log x: %s", logX).isEqualTo(TextAnchor.BOTTOM_LEFT);
      assertThat(anchors.get(2)).as("log x: %s", logX).isEqualTo(TextAnchor.BOTTOM_CENTER);
      assertThat(anchors.get(4))
          .as("log x: %s", logX)
          .isEqualTo(logX ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT);
      assertThat(plot.getDomainAxis().getLowerMargin()).isPositive();
    }
  }

  @Test
  void curvesDrawOneLinePerSeriesWithGapsAtNaN() {
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    for (int g = 0; g < 3; g++) {
      List<double[]> curve = new ArrayList<>();
      for (int epoch = 1; epoch <= 10; epoch++) {
        curve.add(new double[] {epoch, epoch == 5 ? Double.NaN : 60 + 3 * g + 2 * epoch});
      }
      series.put("genotype " + g, curve);
    }
    BufferedImage image = Pixels.decode(Charts.curves("Curves", "epoch", "accuracy (%)", series));

    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(560);
    assertThat(Pixels.distinctColours(image)).isGreaterThan(100);
    assertThat(Pixels.decode(Charts.curves("Empty", "epoch", "accuracy", Map.of())).getHeight())
        .isEqualTo(560);
  }

  @Test
  void heatMapColoursPlusOneRedMinusOneBlueAndNaNGrey() {
    List<String> names = List.of("params", "flops");
    BufferedImage plus = Pixels.decode(Charts.heatMap("+1", names, filled(2, 1)));
    BufferedImage minus = Pixels.decode(Charts.heatMap("-1", names, filled(2, -1)));
    BufferedImage nan = Pixels.decode(Charts.heatMap("NaN", names, filled(2, Double.NaN)));
    BufferedImage mixed =
        Pixels.decode(Charts.heatMap("mixed", names, new double[][] {{1, -1}, {-1, 1}}));

    // The colour legend shows both ends in every map: the cells must outweigh it.
    assertThat(Pixels.count(plus, Pixels::reddish))
        .isGreaterThan(10 * Pixels.count(plus, Pixels::bluish));
    assertThat(Pixels.count(minus, Pixels::bluish))
        .isGreaterThan(10 * Pixels.count(minus, Pixels::reddish));
    assertThat(Pixels.count(mixed, Pixels::reddish)).isGreaterThan(20_000);
    assertThat(Pixels.count(mixed, Pixels::bluish)).isGreaterThan(20_000);
    assertThat(Pixels.count(nan, rgb -> rgb == 0xBBBBBB)).isGreaterThan(20_000);
  }

  @Test
  void heatMapGrowsSoSixteenNamesStayReadable() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      names.add("objective_" + i);
    }
    BufferedImage image = Pixels.decode(Charts.heatMap("16", names, filled(16, 0.5)));

    assertThat(image.getHeight()).isGreaterThanOrEqualTo(16 * 48);
    assertThat(Pixels.distinctColours(image)).isGreaterThan(100);
    assertThat(Pixels.decode(Charts.heatMap("none", List.of(), new double[0][])).getWidth())
        .isPositive();
    assertThatThrownBy(() -> Charts.heatMap("ragged", List.of("a", "b"), new double[][] {{1}}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double[][] filled(int n, double value) {
    double[][] m = new double[n][n];
    for (double[] row : m) {
      java.util.Arrays.fill(row, value);
    }
    return m;
  }
}
