package org.moodnas.analysis.report;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Learning curves, one line per series: a NaN y (an epoch a trial did not reach or did not record)
 * is kept as a gap rather than dropped, so the line does not pretend to join across it.
 */
final class CurvesChart {

  private CurvesChart() {}

  static JFreeChart chart(
      String title, String xLabel, String yLabel, Map<String, List<double[]>> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    boolean anyPoint = false;
    boolean integralX = true;
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), true, true);
      for (double[] p : e.getValue()) {
        if (p == null || p.length < 2 || !Double.isFinite(p[0])) {
          continue;
        }
        boolean finite = Double.isFinite(p[1]);
        s.add(p[0], finite ? (Double) p[1] : null);
        anyPoint |= finite;
      }
      data.addSeries(s);
      integralX &= e.getValue().stream().allMatch(p -> p == null || p[0] % 1 == 0);
    }
    NumberAxis x = new NumberAxis(xLabel);
    x.setAutoRangeIncludesZero(false);
    if (integralX) {
      // Epochs: no tick at 1.5.
      x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    JFreeChart chart = new JFreeChart(title, new XYPlot(data, x, y, renderer));
    ChartStyle.apply(chart);
    renderer.setDefaultStroke(new BasicStroke(2f));
    renderer.setAutoPopulateSeriesStroke(false);
    if (!anyPoint) {
      ChartStyle.subtitle(chart, "no data");
    }
    return chart;
  }
}
