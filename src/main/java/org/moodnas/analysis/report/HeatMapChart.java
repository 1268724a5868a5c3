package org.moodnas.analysis.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A correlation matrix as coloured cells with their values written in: colour for the pattern, the
 * number for the reading. Row 0 is at the top, as in the table it comes from.
 */
final class HeatMapChart {

  /** Pixels per cell: room for "-0.99" in 13 px type. */
  static final int CELL = 56;

  /** Room for rotated names below and names to the left, the title and the colour legend. */
  static final int MARGIN = 330;

  private HeatMapChart() {}

  static int size(int names) {
    return Math.max(520, MARGIN + CELL * names);
  }

  static JFreeChart chart(String title, List<String> names, double[][] matrix) {
    int n = names.size();
    if (matrix.length != n) {
      throw new IllegalArgumentException(n + " names but " + matrix.length + " matrix rows");
    }
    double[][] xyz = new double[3][n * n];
    for (int i = 0; i < n; i++) {
      if (matrix[i].length != n) {
        throw new IllegalArgumentException(
            "matrix row " + i + " has " + matrix[i].length + " values, not " + n);
      }
      for (int j = 0; j < n; j++) {
        xyz[0][i * n + j] = j;
        xyz[1][i * n + j] = i;
        xyz[2][i * n + j] = matrix[i][j];
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("correlation", xyz);
    XYBlockRenderer renderer = new XYBlockRenderer();
    DivergingScale scale = new DivergingScale();
    renderer.setPaintScale(scale);
    XYPlot plot = new XYPlot(data, axis(names, true), axis(names, false), renderer);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    ChartStyle.apply(chart);
    plot.setBackgroundPaint(Color.WHITE);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        plot.addAnnotation(cellText(j, i, matrix[i][j]));
      }
    }
    chart.addSubtitle(legend(scale));
    if (n == 0) {
      ChartStyle.subtitle(chart, "no data");
    }
    return chart;
  }

  /** Names on a symbol axis; on x they turn vertical once they could run into each other. */
  private static SymbolAxis axis(List<String> names, boolean horizontal) {
    SymbolAxis axis = new SymbolAxis(null, names.toArray(String[]::new));
    axis.setGridBandsVisible(false);
    axis.setRange(-0.5, Math.max(0.5, names.size() - 0.5));
    if (horizontal) {
      int longest = names.stream().mapToInt(String::length).max().orElse(0);
      axis.setVerticalTickLabels(longest * 8 > CELL);
    } else {
      axis.setInverted(true);
    }
    return axis;
  }

  private static XYTextAnnotation cellText(int x, int y, double value) {
    String text = Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "n/a";
    XYTextAnnotation a = new XYTextAnnotation(text, x, y);
    a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    // White on the saturated ends of the scale, dark elsewhere: readable on every cell.
    a.setPaint(Double.isFinite(value) && Math.abs(value) > 0.6 ? Color.WHITE : ChartStyle.TEXT);
    return a;
  }

  private static PaintScaleLegend legend(PaintScale scale) {
    NumberAxis axis = new NumberAxis();
    axis.setRange(-1, 1);
    axis.setTickUnit(new NumberTickUnit(0.25));
    axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setStripWidth(18);
    legend.setAxisOffset(4);
    legend.setMargin(40, 12, 40, 12);
    return legend;
  }

  /** Blue at -1, white at 0, red at +1; grey for NaN, which has no place on that line. */
  static final class DivergingScale implements PaintScale {

    static final Color NEGATIVE = new Color(0x21, 0x66, 0xAC);
    static final Color POSITIVE = new Color(0xB2, 0x18, 0x2B);
    static final Color MISSING = new Color(0xBB, 0xBB, 0xBB);

    @Override
    public double getLowerBound() {
      return -1;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public Paint getPaint(double value) {
      if (!Double.isFinite(value)) {
        return MISSING;
      }
      double t = Math.min(1, Math.abs(value));
      Color end = value < 0 ? NEGATIVE : POSITIVE;
      return new Color(mix(end.getRed(), t), mix(end.getGreen(), t), mix(end.getBlue(), t));
    }

    private static int mix(int channel, double t) {
      return (int) Math.round(255 + (channel - 255) * t);
    }
  }
}
