package dev.oficio.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * An exact amount of money: a whole number of the currency's minor units (cents for USD) and the
 * currency. Never a {@code double}.
 *
 * <p>Arithmetic is exact and overflow-checked: a result outside {@code long} throws {@link
 * MoneyOverflowException} instead of wrapping. Mixing currencies throws {@link
 * CurrencyMismatchException}. The only rounding happens in {@link #multiply(Rate, RoundingMode)}
 * and {@link #multiply(BigDecimal, RoundingMode)}, where the caller names the {@link RoundingMode};
 * {@link #allocate(int...)} splits without losing a cent.
 *
 * <p>Immutable and thread-safe. No argument may be null.
 *
 * @param minorUnits the amount in minor units (cents for USD); may be negative
 * @param currency an ISO 4217 currency with a defined number of minor digits
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

  /** Checks the currency. */
  public Money {
    if (currency == null) {
      throw ValidationException.of("currency", "must not be null");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw ValidationException.of(
          "currency", currency.getCurrencyCode() + " has no minor unit and cannot hold money");
    }
  }

  /** {@code amount} minor units of {@code currency}. */
  public static Money ofMinor(long minorUnits, Currency currency) {
    return new Money(minorUnits, currency);
  }

  /** Zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Parses a decimal amount in major units, e.g. {@code of("12.34", USD)}.
   *
   * @throws ValidationException if the text is not a number or has more decimals than the
   *     currency's minor unit (it is never rounded silently)
   */
  public static Money of(String amount, Currency currency) {
    if (amount == null) {
      throw ValidationException.of("amount", "must not be null");
    }
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw ValidationException.of("amount", "'" + amount + "' is not a decimal number");
    }
    return of(decimal, currency);
  }

  /**
   * Converts a decimal amount in major units.
   *
   * @throws ValidationException if it has more decimals than the currency's minor unit
   * @throws MoneyOverflowException if it does not fit in a {@code long} of minor units
   */
  public static Money of(BigDecimal amount, Currency currency) {
    if (amount == null) {
      throw ValidationException.of("amount", "must not be null");
    }
    if (currency == null) {
      throw ValidationException.of("currency", "must not be null");
    }
    int digits = currency.getDefaultFractionDigits();
    BigDecimal minor = amount.movePointRight(digits);
    if (minor.stripTrailingZeros().scale() > 0) {
      throw ValidationException.of(
          "amount",
          amount.toPlainString()
              + " has more than "
              + digits
              + " decimals, the minor unit of "
              + currency.getCurrencyCode());
    }
    return new Money(toLongExact(minor, "of"), currency);
  }

  /** This amount plus {@code other}. */
  public Money plus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    } catch (ArithmeticException e) {
      throw new MoneyOverflowException("plus");
    }
  }

  /** This amount minus {@code other}. */
  public Money minus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    } catch (ArithmeticException e) {
      throw new MoneyOverflowException("minus");
    }
  }

  /** The opposite amount. */
  public Money negate() {
    try {
      return new Money(Math.negateExact(minorUnits), currency);
    } catch (ArithmeticException e) {
      throw new MoneyOverflowException("negate");
    }
  }

  /** The absolute amount. */
  public Money abs() {
    return minorUnits < 0 ? negate() : this;
  }

  /** This amount times a whole number. */
  public Money times(long factor) {
    try {
      return new Money(Math.multiplyExact(minorUnits, factor), currency);
    } catch (ArithmeticException e) {
      throw new MoneyOverflowException("times");
    }
  }

  /**
   * This amount times a percentage rate, rounded once to the minor unit with {@code rounding}.
   * {@code $10.00 × 7.5% = $0.75}.
   */
  public Money multiply(Rate rate, RoundingMode rounding) {
    if (rate == null) {
      throw ValidationException.of("rate", "must not be null");
    }
    return multiply(rate.asFraction(), rounding);
  }

  /** This amount times an exact decimal factor, rounded once to the minor unit. */
  public Money multiply(BigDecimal factor, RoundingMode rounding) {
    if (factor == null) {
      throw ValidationException.of("factor", "must not be null");
    }
    if (rounding == null) {
      throw ValidationException.of("rounding", "must not be null");
    }
    BigDecimal exact = BigDecimal.valueOf(minorUnits).multiply(factor);
    return new Money(toLongExact(exact.setScale(0, rounding), "multiply"), currency);
  }

  /**
   * Splits this amount in proportion to {@code ratios}. The parts always sum to this amount; each
   * part differs from its exact share by less than one minor unit. Leftover minor units go to the
   * parts with the largest fractional remainders, ties to the earlier part.
   *
   * @param ratios non-negative weights, at least one, with a positive sum
   */
  public List<Money> allocate(int... ratios) {
    if (ratios == null || ratios.length == 0) {
      throw ValidationException.of("ratios", "at least one ratio is required");
    }
    BigDecimal[] weights = new BigDecimal[ratios.length];
    for (int i = 0; i < ratios.length; i++) {
      weights[i] = BigDecimal.valueOf(ratios[i]);
    }
    return allocate(weights, "ratios");
  }

  /**
   * Splits this amount in proportion to {@code rates} (their percentages are the weights; they need
   * not sum to 100). Same guarantees as {@link #allocate(int...)}.
   */
  public List<Money> allocate(Rate... rates) {
    if (rates == null || rates.length == 0) {
      throw ValidationException.of("rates", "at least one rate is required");
    }
    BigDecimal[] weights = new BigDecimal[rates.length];
    for (int i = 0; i < rates.length; i++) {
      if (rates[i] == null) {
        throw ValidationException.of("rates[" + i + "]", "must not be null");
      }
      weights[i] = rates[i].percent();
    }
    return allocate(weights, "rates");
  }

  private List<Money> allocate(BigDecimal[] weights, String field) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i].signum() < 0) {
        throw ValidationException.of(field + "[" + i + "]", "must not be negative");
      }
      sum = sum.add(weights[i]);
    }
    if (sum.signum() == 0) {
      throw ValidationException.of(field, "must have a positive sum");
    }
    // Work on the magnitude so a negative amount splits symmetrically to a positive one.
    BigInteger total = BigInteger.valueOf(minorUnits).abs();
    long[] parts = new long[weights.length];
    BigDecimal[] remainders = new BigDecimal[weights.length];
    BigInteger distributed = BigInteger.ZERO;
    for (int i = 0; i < weights.length; i++) {
      BigDecimal numerator = new BigDecimal(total).multiply(weights[i]);
      BigDecimal[] division = numerator.divideAndRemainder(sum);
      parts[i] = division[0].longValueExact();
      remainders[i] = division[1];
      distributed = distributed.add(BigInteger.valueOf(parts[i]));
    }
    int leftover = total.subtract(distributed).intValueExact();
    Integer[] order = new Integer[weights.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        Comparator.<Integer, BigDecimal>comparing(i -> remainders[i])
            .reversed()
            .thenComparing(i -> i));
    for (int k = 0; k < leftover; k++) {
      parts[order[k]]++;
    }
    List<Money> result = new ArrayList<>(parts.length);
    for (long part : parts) {
      result.add(new Money(minorUnits < 0 ? -part : part, currency));
    }
    return List.copyOf(result);
  }

  /** Whether this amount is below zero. */
  public boolean isNegative() {
    return minorUnits < 0;
  }

  /** Whether this amount is zero. */
  public boolean isZero() {
    return minorUnits == 0;
  }

  /** Whether this amount is above zero. */
  public boolean isPositive() {
    return minorUnits > 0;
  }

  /** Whether this amount is strictly greater than {@code other} (same currency). */
  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  /** Whether this amount is strictly less than {@code other} (same currency). */
  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  /** The smaller of this and {@code other} (same currency). */
  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** The larger of this and {@code other} (same currency). */
  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /**
   * Orders amounts of the same currency.
   *
   * @throws CurrencyMismatchException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minorUnits, other.minorUnits);
  }

  /** The amount in major units with the currency's scale, e.g. {@code 12.30}. */
  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
  }

  /** {@code "USD 12.34"}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + toDecimal().toPlainString();
  }

  private void requireSameCurrency(Money other) {
    if (other == null) {
      throw ValidationException.of("other", "must not be null");
    }
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
  }

  private static long toLongExact(BigDecimal value, String operation) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new MoneyOverflowException(operation);
    }
  }
}
