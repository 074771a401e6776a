package dev.oficio.shared;

import java.math.BigDecimal;

/**
 * An exact percentage between 0 and 100 inclusive, e.g. {@code 7.5%}. Held as a {@link BigDecimal}
 * percent, never a {@code double}; {@code 7.5%} is 750 basis points.
 *
 * <p>Equality ignores trailing zeros ({@code 7.5} equals {@code 7.50}). Immutable and thread-safe.
 *
 * @param percent the percentage, {@code 0 ≤ percent ≤ 100}
 */
public record Rate(BigDecimal percent) implements Comparable<Rate> {

  // Declared before the constants below: their construction reads it.
  private static final BigDecimal MAX = BigDecimal.valueOf(100);

  /** 0%. */
  public static final Rate ZERO = new Rate(BigDecimal.ZERO);

  /** 100%. */
  public static final Rate HUNDRED = new Rate(BigDecimal.valueOf(100));

  /** Checks the range and normalises the scale. */
  public Rate {
    if (percent == null) {
      throw ValidationException.of("rate", "must not be null");
    }
    if (percent.signum() < 0) {
      throw ValidationException.of("rate", percent.toPlainString() + "% must not be negative");
    }
    if (percent.compareTo(MAX) > 0) {
      throw ValidationException.of("rate", percent.toPlainString() + "% must not exceed 100%");
    }
    percent = percent.signum() == 0 ? BigDecimal.ZERO : percent.stripTrailingZeros();
    if (percent.scale() < 0) {
      percent = percent.setScale(0);
    }
  }

  /**
   * Parses a percentage written without the sign: {@code parse("7.5")} is 7.5%. A trailing {@code
   * %} is accepted.
   *
   * @throws ValidationException if the text is not a number in [0, 100]
   */
  public static Rate parse(String percent) {
    if (percent == null) {
      throw ValidationException.of("rate", "must not be null");
    }
    String text = percent.trim();
    if (text.endsWith("%")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    try {
      return new Rate(new BigDecimal(text));
    } catch (NumberFormatException e) {
      throw ValidationException.of("rate", "'" + percent + "' is not a percentage");
    }
  }

  /** A percentage given as a decimal, {@code ofPercent(new BigDecimal("2.9"))}. */
  public static Rate ofPercent(BigDecimal percent) {
    return new Rate(percent);
  }

  /** A rate in basis points: {@code ofBasisPoints(750)} is 7.5%. */
  public static Rate ofBasisPoints(long basisPoints) {
    return new Rate(BigDecimal.valueOf(basisPoints, 2));
  }

  /** The rate as a fraction of one: 7.5% is {@code 0.075}. Exact. */
  public BigDecimal asFraction() {
    return percent.movePointLeft(2);
  }

  /**
   * The rate in basis points.
   *
   * @throws ValidationException if the rate has a fraction of a basis point
   */
  public long basisPoints() {
    BigDecimal bps = percent.movePointRight(2);
    if (bps.stripTrailingZeros().scale() > 0) {
      throw ValidationException.of(
          "rate", percent.toPlainString() + "% is not a whole number of basis points");
    }
    return bps.longValueExact();
  }

  /** Whether this rate is 0%. */
  public boolean isZero() {
    return percent.signum() == 0;
  }

  @Override
  public int compareTo(Rate other) {
    return percent.compareTo(other.percent);
  }

  /** {@code "7.5%"}. */
  @Override
  public String toString() {
    return percent.toPlainString() + "%";
  }
}
