package org.moodnas.analysis.report;

import java.util.List;
import java.util.Map;

/**
 * The charts of {@code mood-nas analyse} as PNG bytes, ready for {@link HtmlReport#image}. Bytes
 * rather than files: the report embeds them, and nothing is left to clean up. None of them throws
 * on awkward data (no points, one point, equal values, NaN): a report with an odd chart is more use
 * than no report.
 */
public final class Charts {

  static {
    // Drivers run without a display; AWT must not look for one.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Charts() {}

  /**
   * A scatter of all points; the non-dominated ones (onFront) drawn distinctly and joined by a line
   * in x order; dominated points kept, drawn lighter. Labels: each point's label beside it. LogX: a
   * logarithmic x axis, or a linear one (said in a subtitle) when some x ≤ 0. PNG, 900×560.
   */
  public static byte[] front(
      String title,
      String xAxisLabel,
      String yAxisLabel,
      List<LabeledPoint> points,
      boolean labels,
      boolean logX) {
    return ChartStyle.png(
        FrontChart.chart(title, xAxisLabel, yAxisLabel, points, labels, logX),
        ChartStyle.WIDTH,
        ChartStyle.HEIGHT);
  }

  /**
   * A labelled scatter of every point, not joined (all drawn alike; onFront is ignored), as the
   * published plot_columns draws one figure against another. LogX / logY: logarithmic axes, each
   * linear (said in a subtitle) when some value on it is ≤ 0. Note: a subtitle, or null. PNG,
   * 900×560.
   */
  public static byte[] scatter(
      String title,
      String xAxisLabel,
      String yAxisLabel,
      List<LabeledPoint> points,
      boolean logX,
      boolean logY,
      String note) {
    List<LabeledPoint> all =
        points.stream().map(p -> new LabeledPoint(p.label(), p.x(), p.y(), true)).toList();
    return ChartStyle.png(
        FrontChart.chart(
            title, xAxisLabel, yAxisLabel, all, true, logX, logY, false, "models", note),
        ChartStyle.WIDTH,
        ChartStyle.HEIGHT);
  }

  /** One line per series (points are {x, y}); a NaN y leaves a gap. PNG, 900×560. */
  public static byte[] curves(
      String title, String xAxisLabel, String yAxisLabel, Map<String, List<double[]>> series) {
    return ChartStyle.png(
        CurvesChart.chart(title, xAxisLabel, yAxisLabel, series),
        ChartStyle.WIDTH,
        ChartStyle.HEIGHT);
  }

  /**
   * A correlation heat map of matrix[i][j] in [-1, 1] (row i, column j; names on both axes), blue
   * -1, white 0, red +1, NaN grey, each value written in its cell. The PNG grows with the names, so
   * 16 stay readable.
   *
   * @throws IllegalArgumentException when the matrix is not names.size() square
   */
  public static byte[] heatMap(String title, List<String> names, double[][] matrix) {
    int side = HeatMapChart.size(names.size());
    return ChartStyle.png(HeatMapChart.chart(title, names, matrix), side + 80, side);
  }
}
