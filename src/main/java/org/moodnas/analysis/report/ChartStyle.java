package org.moodnas.analysis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.title.TextTitle;

/**
 * The look every chart shares: fonts large enough to read a PNG at 1× zoom in a browser, a white
 * plot with light grid lines, and colours that stay apart for the colour-blind (Tableau's 10).
 */
final class ChartStyle {

  static final int WIDTH = 900;
  static final int HEIGHT = 560;
  static final Color FRONT = new Color(0xD6, 0x27, 0x28);
  static final Color DOMINATED = new Color(0x9E, 0xB4, 0xCC);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  static final Color TEXT = new Color(0x22, 0x22, 0x22);
  static final Paint[] PALETTE = {
    new Color(0x1F, 0x77, 0xB4),
    new Color(0xFF, 0x7F, 0x0E),
    new Color(0x2C, 0xA0, 0x2C),
    new Color(0xD6, 0x27, 0x28),
    new Color(0x94, 0x67, 0xBD),
    new Color(0x8C, 0x56, 0x4B),
    new Color(0xE3, 0x77, 0xC2),
    new Color(0x7F, 0x7F, 0x7F),
    new Color(0xBC, 0xBD, 0x22),
    new Color(0x17, 0xBE, 0xCF)
  };
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  private ChartStyle() {}

  /** Applied before a chart's own settings: the theme would reset fonts set earlier. */
  static void apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("mood-nas", false);
    theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(Color.GRAY);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setAxisLabelPaint(TEXT);
    theme.setTickLabelPaint(TEXT);
    theme.setTitlePaint(TEXT);
    theme.setSubtitlePaint(TEXT);
    theme.setLegendItemPaint(TEXT);
    theme.setItemLabelPaint(TEXT);
    theme.setDrawingSupplier(
        new DefaultDrawingSupplier(
            PALETTE,
            DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
            new BasicStroke[] {new BasicStroke(2f)},
            DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    theme.apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
  }

  /** A subtitle, so that an empty chart says why it is empty instead of looking broken. */
  static void subtitle(JFreeChart chart, String text) {
    chart.addSubtitle(new TextTitle(text, new Font(Font.SANS_SERIF, Font.ITALIC, 14)));
  }

  static byte[] png(JFreeChart chart, int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
