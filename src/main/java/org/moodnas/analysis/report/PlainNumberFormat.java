package org.moodnas.analysis.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Axis ticks written as the tables write numbers, so a chart and its table read alike. */
final class PlainNumberFormat extends NumberFormat {

  @Override
  public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
    return toAppendTo.append(HtmlCells.number(number));
  }

  @Override
  public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
    return toAppendTo.append(number);
  }

  /** Axes only format. */
  @Override
  public Number parse(String source, ParsePosition parsePosition) {
    throw new UnsupportedOperationException("PlainNumberFormat only formats");
  }
}
