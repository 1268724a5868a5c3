package org.moodnas.analysis.report;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Pareto scatter: dominated points stay on the chart, lighter, because how far they fall behind
 * the front is what a reader compares; the front is joined in x order so its trade-off reads as a
 * curve.
 */
final class FrontChart {

  private static final int FRONT = 0;
  private static final int DOMINATED = 1;

  /** The share of the x range at either end where labels run inwards from their point. */
  private static final double EDGE = 0.1;

  private FrontChart() {}

  static JFreeChart chart(
      String title,
      String xLabel,
      String yLabel,
      List<LabeledPoint> points,
      boolean labels,
      boolean logX) {
    return chart(title, xLabel, yLabel, points, labels, logX, false, true, "Pareto front", null);
  }

  /**
   * The scatter drawn in general: the onFront points as series {@code frontName}, joined in x order
   * when {@code joined}; a logarithmic y axis when {@code logY} and every y is positive; {@code
   * note}, when given, as a subtitle.
   */
  static JFreeChart chart(
      String title,
      String xLabel,
      String yLabel,
      List<LabeledPoint> points,
      boolean labels,
      boolean logX,
      boolean logY,
      boolean joined,
      String frontName,
      String note) {
    List<LabeledPoint> drawable =
        points.stream()
            .filter(LabeledPoint::drawable)
            .sorted(Comparator.comparingDouble(LabeledPoint::x))
            .toList();
    List<LabeledPoint> front = drawable.stream().filter(LabeledPoint::onFront).toList();
    List<LabeledPoint> dominated = drawable.stream().filter(p -> !p.onFront()).toList();
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series(frontName, front));
    if (joined || !dominated.isEmpty()) {
      // a plain scatter has no dominated points: no empty legend entry for them
      data.addSeries(series("dominated", dominated));
    }
    boolean log = logX && !drawable.isEmpty() && drawable.stream().allMatch(p -> p.x() > 0);
    List<List<LabeledPoint>> bySeries = List.of(front, dominated);
    double span = span(drawable, log);
    double left = drawable.isEmpty() ? 0 : position(drawable.get(0), log);
    XYLineAndShapeRenderer r =
        renderer(
            List.of(
                labelPositions(front, log, left, span),
                labelPositions(dominated, log, left, span)));
    boolean logAxisY = logY && !drawable.isEmpty() && drawable.stream().allMatch(p -> p.y() > 0);
    r.setSeriesLinesVisible(FRONT, joined);
    XYPlot plot =
        new XYPlot(data, xAxis(xLabel, log, span), logAxisY ? logYAxis(yLabel) : yAxis(yLabel), r);
    JFreeChart chart = new JFreeChart(title, plot);
    ChartStyle.apply(chart);
    if (labels) {
      r.setDefaultItemLabelGenerator((d, s, i) -> bySeries.get(s).get(i).label());
      r.setDefaultItemLabelFont(ChartStyle.LABEL_FONT);
      r.setDefaultItemLabelPaint(ChartStyle.TEXT);
      r.setDefaultItemLabelsVisible(true);
    }
    if (drawable.isEmpty()) {
      ChartStyle.subtitle(chart, "no data");
    } else if (logX && !log) {
      ChartStyle.subtitle(chart, "linear x axis: some x ≤ 0");
    } else if (logY && !logAxisY) {
      ChartStyle.subtitle(chart, "linear y axis: some y ≤ 0");
    }
    if (note != null) {
      ChartStyle.subtitle(chart, note);
    }
    return chart;
  }

  private static XYSeries series(String name, List<LabeledPoint> points) {
    XYSeries s = new XYSeries(name, false, true);
    points.forEach(p -> s.add(p.x(), p.y()));
    return s;
  }

  private static double position(LabeledPoint p, boolean log) {
    return log ? Math.log10(p.x()) : p.x();
  }

  private static double span(List<LabeledPoint> sorted, boolean log) {
    return sorted.isEmpty()
        ? 0
        : position(sorted.get(sorted.size() - 1), log) - position(sorted.get(0), log);
  }

  /**
   * Where each label goes. Above its point, or below: a label whose point is within 6 % of the x
   * range of the previous one, whose label is above, goes below, so neighbours' labels do not print
   * over each other. Centred on its point, except near the ends of the x range (the outer {@link
   * #EDGE} of it): there the label starts at its point and runs inwards, since a centred label
   * would reach past the plot's edge and be clipped ("0.200" printed as "200").
   */
  private static ItemLabelPosition[] labelPositions(
      List<LabeledPoint> sorted, boolean log, double left, double span) {
    ItemLabelPosition[] out = new ItemLabelPosition[sorted.size()];
    boolean below = false;
    for (int i = 0; i < sorted.size(); i++) {
      double at = position(sorted.get(i), log);
      below = i > 0 && !below && at - position(sorted.get(i - 1), log) < 0.06 * span;
      int side = 0;
      if (span > 0 && at - left < EDGE * span) {
        side = -1;
      } else if (span > 0 && left + span - at < EDGE * span) {
        side = 1;
      }
      out[i] = labelPosition(below, side);
    }
    return out;
  }

  /** Above or below the point; {@code side} −1: running right from it, 1: left, 0: centred. */
  private static ItemLabelPosition labelPosition(boolean below, int side) {
    TextAnchor[] anchors =
        below
            ? new TextAnchor[] {TextAnchor.TOP_LEFT, TextAnchor.TOP_CENTER, TextAnchor.TOP_RIGHT}
            : new TextAnchor[] {
              TextAnchor.BOTTOM_LEFT, TextAnchor.BOTTOM_CENTER, TextAnchor.BOTTOM_RIGHT
            };
    return new ItemLabelPosition(
        below ? ItemLabelAnchor.OUTSIDE6 : ItemLabelAnchor.OUTSIDE12, anchors[side + 1]);
  }

  /** Margins leave room for the labels above the highest and beside the outermost points. */
  private static ValueAxis xAxis(String label, boolean log, double decades) {
    ValueAxis axis;
    if (log) {
      LogAxis logAxis = new LogAxis(label);
      logAxis.setSmallestValue(Double.MIN_NORMAL);
      // Plain numbers (0.01, not 10 to the power -2.0 in tiny type), one tick per decade.
      logAxis.setNumberFormatOverride(new PlainNumberFormat());
      if (decades >= 2) {
        logAxis.setTickUnit(new NumberTickUnit(1));
      }
      axis = logAxis;
    } else {
      NumberAxis linear = new NumberAxis(label);
      linear.setAutoRangeIncludesZero(false);
      axis = linear;
    }
    axis.setLowerMargin(0.06);
    axis.setUpperMargin(0.06);
    return axis;
  }

  private static ValueAxis logYAxis(String label) {
    LogAxis axis = new LogAxis(label);
    axis.setSmallestValue(Double.MIN_NORMAL);
    axis.setNumberFormatOverride(new PlainNumberFormat());
    axis.setLowerMargin(0.06);
    axis.setUpperMargin(0.12);
    return axis;
  }

  private static ValueAxis yAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    axis.setLowerMargin(0.06);
    axis.setUpperMargin(0.12);
    return axis;
  }

  private static XYLineAndShapeRenderer renderer(List<ItemLabelPosition[]> positions) {
    XYLineAndShapeRenderer r =
        new XYLineAndShapeRenderer() {
          @Override
          public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
            return positions.get(series)[item];
          }
        };
    r.setSeriesLinesVisible(FRONT, true);
    r.setSeriesLinesVisible(DOMINATED, false);
    r.setSeriesPaint(FRONT, ChartStyle.FRONT);
    r.setSeriesPaint(DOMINATED, ChartStyle.DOMINATED);
    r.setDefaultStroke(new BasicStroke(2f));
    r.setSeriesShape(FRONT, new Ellipse2D.Double(-5, -5, 10, 10));
    r.setSeriesShape(DOMINATED, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
    // The theme clears auto-populated paints and strokes: these two are fixed.
    r.setAutoPopulateSeriesPaint(false);
    r.setAutoPopulateSeriesStroke(false);
    r.setAutoPopulateSeriesShape(false);
    return r;
  }
}
