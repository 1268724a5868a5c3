package org.moodnas.analysis.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Text as HTML sees it: escaped everywhere it is written, and numbers the way a reader compares
 * them (at most 6 significant digits, plain notation unless the magnitude is extreme).
 */
final class HtmlCells {

  private static final MathContext SIGNIFICANT = new MathContext(6);

  private HtmlCells() {}

  /** Safe in element content and in quoted attribute values alike. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** 0.1 + 0.2 → "0.3", 3.14159265 → "3.14159", 1.5e-7 → "1.5e-07", 2.0 → "2". */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    if (v == 0) {
      return "0";
    }
    double magnitude = Math.abs(v);
    if (magnitude >= 1e-4 && magnitude < 1e15) {
      return new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }
    String[] scientific = String.format(Locale.ROOT, "%.5e", v).split("e");
    String mantissa = scientific[0].replaceAll("\\.?0+$", "");
    return mantissa + "e" + scientific[1];
  }

  /** A cell's value for sorting: full precision, so rounding in the text never reorders rows. */
  static String sortKey(Number n) {
    double v = n.doubleValue();
    if (Double.isNaN(v)) {
      return "";
    }
    return Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity") : n.toString();
  }
}
