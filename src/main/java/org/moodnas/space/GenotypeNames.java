package org.moodnas.space;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Names genotypes after the regularization weight ν of their search, as the published tables do,
 * value by value: each ν takes the fewest significant digits n (1 to 5, rounded half up) at which
 * its rounding differs from the rounding to n digits of every other ν of its run. The name is the
 * rounded ν's digits, 'e', and the exponent −floor(log10 ν) + n − 1 of the unrounded ν in at least
 * two digits: 0.2 → 2e01, 0.00429 next to 0.00425 → 429e05, 0.0996 next to 0.2 → 10e02 (0.1 × 10²),
 * 0 → 0e00. Prefixed by the objective: l2_loss_2e01.
 */
public final class GenotypeNames {

  private static final int MAX_DIGITS = 5;

  private GenotypeNames() {}

  /** Names for all ν values of one run, in the given order; equal values share their name. */
  public static List<String> names(String objective, List<Double> weights) {
    String prefix = prefix(objective);
    for (double w : weights) {
      if (!Double.isFinite(w) || w < 0) {
        throw new IllegalArgumentException(
            "regularization weight " + w + " is not a finite number ≥ 0");
      }
    }
    List<Double> run = weights.stream().distinct().toList();
    return weights.stream().map(w -> prefix + encode(w, digitsApart(w, run))).toList();
  }

  /** The name of a single ν (a run of one). */
  public static String name(String objective, double weight) {
    return names(objective, List.of(weight)).get(0);
  }

  /** The fewest digits at which ν's rounding differs from every other ν's of the run. */
  static int digitsApart(double weight, List<Double> run) {
    for (int digits = 1; digits < MAX_DIGITS; digits++) {
      BigDecimal mine = round(weight, digits);
      boolean apart = true;
      for (double other : run) {
        if (other != weight && round(other, digits).compareTo(mine) == 0) {
          apart = false;
          break;
        }
      }
      if (apart) {
        return digits;
      }
    }
    return MAX_DIGITS;
  }

  /** ν rounded to {@code digits} significant digits, as mantissa + 'e' + exponent. */
  static String encode(double weight, int digits) {
    if (weight == 0) {
      return "0e00";
    }
    // floor(log10 ν) of the decimal ν itself: Math.log10 may land just below an exact power of 10
    int exponent = -BigDecimal.valueOf(weight).precision() + BigDecimal.valueOf(weight).scale();
    exponent += digits;
    BigDecimal mantissa =
        round(weight, digits).scaleByPowerOfTen(exponent).setScale(0, RoundingMode.HALF_UP);
    String exp =
        exponent >= 0
            ? String.format(Locale.ROOT, "%02d", exponent)
            : "p" + String.format(Locale.ROOT, "%02d", -exponent);
    return mantissa.toPlainString() + "e" + exp;
  }

  private static BigDecimal round(double weight, int digits) {
    return BigDecimal.valueOf(weight).round(new MathContext(digits, RoundingMode.HALF_UP));
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
