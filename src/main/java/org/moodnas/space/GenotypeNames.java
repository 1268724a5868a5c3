package org.moodnas.space;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Names genotypes after the regularization weight ν of their search, as the published tables do:
 * the shortest rounding (1 to 5 significant digits, half up) that keeps one run's ν values apart,
 * written as the mantissa digits, 'e', and the negated exponent of the last digit in at least two
 * digits: 0.2 → 2e01, 0.00429 → 429e05, 7.4364e-06 → 7e06. Prefixed by the objective: l2_loss_2e01.
 */
public final class GenotypeNames {

  private static final int MAX_DIGITS = 5;

  private GenotypeNames() {}

  /** Names for all ν values of one run, in the given order. */
  public static List<String> names(String objective, List<Double> weights) {
    String prefix = prefix(objective);
    for (double w : weights) {
      if (!Double.isFinite(w) || w < 0) {
        throw new IllegalArgumentException(
            "regularization weight " + w + " is not a finite number ≥ 0");
      }
    }
    for (int digits = 1; ; digits++) {
      final int d = digits;
      List<String> names = weights.stream().map(w -> prefix + encode(w, d)).toList();
      if (digits == MAX_DIGITS || new HashSet<>(names).size() == new HashSet<>(weights).size()) {
        return names;
      }
    }
  }

  /** The name of a single ν (a run of one). */
  public static String name(String objective, double weight) {
    return names(objective, List.of(weight)).get(0);
  }

  /** ν rounded to {@code digits} significant digits, as mantissa + 'e' + negated exponent. */
  static String encode(double weight, int digits) {
    if (weight == 0) {
      return "0";
    }
    BigDecimal rounded =
        BigDecimal.valueOf(weight).round(new MathContext(digits, RoundingMode.HALF_UP));
    // Keep exactly `digits` digits in the mantissa so 3.0e-4 reads 30e05, as published.
    int scale = digits - 1 - (rounded.precision() - rounded.scale() - 1);
    BigDecimal fixed = rounded.setScale(scale, RoundingMode.UNNECESSARY);
    String digitsText = fixed.unscaledValue().toString();
    int exponent = fixed.scale();
    String exp =
        exponent >= 0
            ? String.format(Locale.ROOT, "%02d", exponent)
            : "p" + String.format(Locale.ROOT, "%02d", -exponent);
    return digitsText + "e" + exp;
  }

  private static String prefix(String objective) {
    return switch (objective) {
      case "l1" -> "l1_loss_";
      case "l2" -> "l2_loss_";
      default ->
          throw new IllegalArgumentException("objective '" + objective + "' is not l1 or l2");
    };
  }
}
