package dev.oficio.fees;

import dev.oficio.shared.Rate;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A percentage as an exact fraction of two longs, {@code units / denominator} of one, so a fee on
 * an amount in minor units is the exact rational {@code amount × units / denominator}: 7.5% is
 * {@code 75 / 1000}. Lets the resolver's hot path stay in overflow-checked {@code long} arithmetic;
 * anything that does not fit falls back to {@link BigDecimal}. Immutable.
 */
record ScaledRate(long units, long denominator) {
  /** Percent scales up to this many decimals use the long path (denominator ≤ 10^11). */
  private static final int MAX_SCALE = 9;

  /** The scale of {@code rates} when expressed with a common denominator, or -1 if too fine. */
  static int commonScale(Rate... rates) {
    int scale = 0;
    for (Rate rate : rates) {
      scale = Math.max(scale, Math.max(0, rate.percent().scale()));
    }
    return scale <= MAX_SCALE ? scale : -1;
  }

  /** {@code rate} over the denominator {@code 100 × 10^scale}. */
  static ScaledRate of(Rate rate, int scale) {
    long units = rate.percent().movePointRight(scale).longValueExact();
    return new ScaledRate(units, denominator(scale));
  }

  static long denominator(int scale) {
    return 100L * BigDecimal.TEN.pow(scale).longValueExact();
  }

  /**
   * {@code numerator / denominator} rounded with {@code mode}, for {@code numerator ≥ 0} and {@code
   * denominator > 0} (fees are never negative, so FLOOR is DOWN and CEILING is UP).
   */
  static long divide(long numerator, long denominator, RoundingMode mode) {
    long quotient = numerator / denominator;
    long remainder = numerator % denominator;
    if (remainder == 0) {
      return quotient;
    }
    long rest = denominator - remainder;
    boolean up =
        switch (mode) {
          case DOWN, FLOOR -> false;
          case UP, CEILING -> true;
          case HALF_UP -> remainder >= rest;
          case HALF_DOWN -> remainder > rest;
          case HALF_EVEN -> remainder > rest || (remainder == rest && (quotient & 1) == 1);
          case UNNECESSARY -> throw new ArithmeticException("rounding necessary");
        };
    return up ? quotient + 1 : quotient;
  }
}
