package dev.oficio.fees;

import dev.oficio.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * How one fee of a {@link FeeQuote} was computed, for an admin to show: the rule, each tier slice
 * with its base and rate, the fixed part, the limit that applied, the exact amount and the single
 * rounding.
 *
 * <p>The details are computed on first use, with exact {@link BigDecimal} arithmetic, from the rule
 * and the job: quoting stays cheap, and the explanation is an independent re-computation of the
 * quoted amount. Immutable and thread-safe.
 */
public final class FeeExplanation {

  /** A limit applied after the tiers and fixed part. */
  public enum Limit {
    /** No limit applied. */
    NONE,
    /** Raised to the rule's minimum. */
    MINIMUM,
    /** Lowered to the rule's maximum. */
    MAXIMUM,
    /** Capped at the job's gross amount. */
    GROSS,
    /** Lowered so that the fee plus the tax on it fits in the gross amount. */
    GROSS_WITH_TAX
  }

  private final FeeRule rule;
  private final long amountMinor;
  private final long priorMinor;
  private final long capMinor;
  private final RoundingMode rounding;
  private final long loweredForTaxMinor;
  // Racy single-check cache: Details has only final fields, so any thread sees it whole.
  private Details details;

  /** The parts computed on demand. */
  private record Details(
      List<FeeSlice> slices,
      BigDecimal beforeLimits,
      Limit limit,
      BigDecimal exact,
      Money rounded) {}

  /**
   * @param capMinor the cap in minor units, or -1 for none
   * @param loweredForTaxMinor the fee after lowering it so fee + tax fit in the gross, or -1
   */
  FeeExplanation(
      FeeRule rule,
      long amountMinor,
      long priorMinor,
      long capMinor,
      RoundingMode rounding,
      long loweredForTaxMinor) {
    this.rule = rule;
    this.amountMinor = amountMinor;
    this.priorMinor = priorMinor;
    this.capMinor = capMinor;
    this.rounding = rounding;
    this.loweredForTaxMinor = loweredForTaxMinor;
  }

  /** The winning rule's name. */
  public String rule() {
    return rule.name();
  }

  /** The rule's method. */
  public FeeMethod method() {
    return rule.method();
  }

  /** The rule's basis. */
  public FeeBasis basis() {
    return rule.basis();
  }

  /** The pro's prior volume the tiers started from (zero for {@code JOB_AMOUNT}). */
  public Money priorVolume() {
    return Money.ofMinor(rule.basis() == FeeBasis.PRO_VOLUME ? priorMinor : 0, rule.currency());
  }

  /** Each tier slice that contributed, in tier order. */
  public List<FeeSlice> slices() {
    return details().slices();
  }

  /** The rule's fixed amount. */
  public Money fixed() {
    return rule.fixed();
  }

  /** Tiered part + fixed, exact, in major units. */
  public BigDecimal beforeLimits() {
    return details().beforeLimits();
  }

  /** Which limit changed the amount, if any. */
  public Limit limit() {
    return details().limit();
  }

  /** The amount after the limit, exact, in major units. */
  public BigDecimal exact() {
    return details().exact();
  }

  /** The amount after the one rounding. */
  public Money rounded() {
    return details().rounded();
  }

  /** The explanation as readable lines, one per slice and step. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "rule "
            + rule()
            + ": "
            + method()
            + " on "
            + basis()
            + (basis() == FeeBasis.PRO_VOLUME
                ? " (prior volume " + priorVolume().toDecimal().toPlainString() + ")"
                : ""));
    slices().forEach(slice -> lines.add("  " + slice));
    if (!fixed().isZero()) {
      lines.add("  + fixed " + fixed().toDecimal().toPlainString());
    }
    lines.add("  = " + beforeLimits().toPlainString());
    String exact = exact().toPlainString();
    switch (limit()) {
      case MINIMUM -> lines.add("  raised to the minimum " + exact);
      case MAXIMUM -> lines.add("  lowered to the maximum " + exact);
      case GROSS -> lines.add("  capped at the gross amount " + exact);
      case GROSS_WITH_TAX -> lines.add("  lowered so fee + tax fit in the gross amount " + exact);
      case NONE -> {
        // nothing changed the amount
      }
    }
    lines.add("  rounded once: " + rounded().toDecimal().toPlainString());
    return lines;
  }

  private Details details() {
    Details computed = details;
    if (computed == null) {
      computed = compute();
      details = computed;
    }
    return computed;
  }

  private Details compute() {
    Currency currency = rule.currency();
    int digits = currency.getDefaultFractionDigits();
    List<FeeTier> tiers = rule.tiers();
    long[] bases = new long[tiers.size()];
    boolean volume = rule.basis() == FeeBasis.PRO_VOLUME;
    if (rule.method() == FeeMethod.MARGINAL) {
      long low = volume ? priorMinor : 0;
      long high = Math.addExact(low, amountMinor);
      long lower = 0;
      for (int i = 0; i < tiers.size(); i++) {
        FeeTier tier = tiers.get(i);
        long upper = tier.upTo() == null ? Long.MAX_VALUE : tier.upTo().minorUnits();
        bases[i] = Math.max(0, Math.min(high, upper) - Math.max(low, lower));
        if (upper >= high) {
          break;
        }
        lower = upper;
      }
    } else {
      long position = volume ? Math.addExact(priorMinor, amountMinor) : amountMinor;
      int index = tiers.size() - 1;
      for (int i = 0; i < tiers.size(); i++) {
        FeeTier tier = tiers.get(i);
        if (tier.upTo() == null || position <= tier.upTo().minorUnits()) {
          index = i;
          break;
        }
      }
      bases[index] = amountMinor;
    }
    // Exact in minor units: Σ base × percent / 100 + fixed.
    BigDecimal tiered = BigDecimal.ZERO;
    List<FeeSlice> slices = new ArrayList<>();
    long lower = 0;
    for (int i = 0; i < tiers.size(); i++) {
      FeeTier tier = tiers.get(i);
      if (bases[i] > 0) {
        BigDecimal fee =
            BigDecimal.valueOf(bases[i]).multiply(tier.rate().percent()).movePointLeft(2);
        tiered = tiered.add(fee);
        slices.add(
            new FeeSlice(
                i,
                Money.ofMinor(lower, currency),
                tier.upTo(),
                Money.ofMinor(bases[i], currency),
                tier.rate(),
                readable(fee.movePointLeft(digits), digits)));
      }
      if (tier.upTo() != null) {
        lower = tier.upTo().minorUnits();
      }
    }
    BigDecimal beforeLimits = tiered.add(BigDecimal.valueOf(rule.fixed().minorUnits()));
    BigDecimal exact = beforeLimits;
    Limit limit = Limit.NONE;
    if (rule.minimum().isPresent()) {
      BigDecimal minimum = BigDecimal.valueOf(rule.minimum().get().minorUnits());
      if (exact.compareTo(minimum) < 0) {
        exact = minimum;
        limit = Limit.MINIMUM;
      }
    }
    if (rule.maximum().isPresent()) {
      BigDecimal maximum = BigDecimal.valueOf(rule.maximum().get().minorUnits());
      if (exact.compareTo(maximum) > 0) {
        exact = maximum;
        limit = Limit.MAXIMUM;
      }
    }
    if (capMinor >= 0 && exact.compareTo(BigDecimal.valueOf(capMinor)) > 0) {
      exact = BigDecimal.valueOf(capMinor);
      limit = Limit.GROSS;
    }
    if (loweredForTaxMinor >= 0) {
      exact = BigDecimal.valueOf(loweredForTaxMinor);
      limit = Limit.GROSS_WITH_TAX;
    }
    long rounded = exact.setScale(0, rounding).longValueExact();
    return new Details(
        List.copyOf(slices),
        readable(beforeLimits.movePointLeft(digits), digits),
        limit,
        readable(exact.movePointLeft(digits), digits),
        Money.ofMinor(rounded, currency));
  }

  /** Drops trailing zeros beyond the minor unit: 187.50000 reads 187.50, 187.50045 stays. */
  private static BigDecimal readable(BigDecimal value, int digits) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < digits ? stripped.setScale(digits) : stripped;
  }

  /** Explanations are equal when they explain the same rule applied to the same job. */
  @Override
  public boolean equals(Object other) {
    return other instanceof FeeExplanation that
        && rule.equals(that.rule)
        && amountMinor == that.amountMinor
        && priorMinor == that.priorMinor
        && capMinor == that.capMinor
        && rounding == that.rounding
        && loweredForTaxMinor == that.loweredForTaxMinor;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule.name(), amountMinor, priorMinor, capMinor, loweredForTaxMinor);
  }

  @Override
  public String toString() {
    return String.join("\n", lines());
  }
}
