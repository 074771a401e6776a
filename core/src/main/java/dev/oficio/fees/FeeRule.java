package dev.oficio.fees;

import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import dev.oficio.shared.ValidationException.Violation;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One named fee rule of a {@link FeeSchedule}: which jobs it matches, how its ordered tiers turn
 * the basis into a percentage fee, a fixed amount added to it, and an optional minimum and maximum
 * that clamp the result.
 *
 * <p>Platform fee = tiered part + fixed, clamped to [minimum, maximum], then capped at the gross
 * amount, computed exactly and rounded once by the {@link FeeResolver}.
 *
 * <p>Built with {@link #builder(String, Currency)}; every amount is in the rule's currency. Tiers
 * must have strictly increasing upper bounds and the last, only the last, is open-ended; amounts
 * must not be negative and the minimum must not exceed the maximum. Immutable and thread-safe.
 */
public final class FeeRule {
  private final String name;
  private final Currency currency;
  private final FeeMatch match;
  private final FeeMethod method;
  private final FeeBasis basis;
  private final List<FeeTier> tiers;
  private final Money fixed;
  private final Money minimum;
  private final Money maximum;
  // The tiers compiled for the resolver's long-arithmetic path (see ScaledRate); null when a
  // rate is too fine for it.
  private final long[] upperBounds;
  private final long[] rateUnits;
  private final long denominator;

  private FeeRule(Builder builder) {
    this.name = builder.name;
    this.currency = builder.currency;
    this.match = builder.match;
    this.method = builder.method;
    this.basis = builder.basis;
    this.tiers = List.copyOf(builder.tiers);
    this.fixed = builder.fixed == null ? Money.zero(builder.currency) : builder.fixed;
    this.minimum = builder.minimum;
    this.maximum = builder.maximum;
    int scale = ScaledRate.commonScale(tiers.stream().map(FeeTier::rate).toArray(Rate[]::new));
    if (scale < 0) {
      this.upperBounds = null;
      this.rateUnits = null;
      this.denominator = 0;
    } else {
      this.upperBounds = new long[tiers.size()];
      this.rateUnits = new long[tiers.size()];
      for (int i = 0; i < tiers.size(); i++) {
        FeeTier tier = tiers.get(i);
        upperBounds[i] = tier.upTo() == null ? Long.MAX_VALUE : tier.upTo().minorUnits();
        rateUnits[i] = ScaledRate.of(tier.rate(), scale).units();
      }
      this.denominator = ScaledRate.denominator(scale);
    }
  }

  /**
   * The rounded fee in minor units on the long path, or -1 when it does not apply (a rate too fine
   * or an overflow); the caller then uses the exact {@code BigDecimal} path. Same semantics.
   *
   * @param capMinor the cap, or -1 for none
   */
  long fastFee(long amountMinor, long priorMinor, long capMinor, RoundingMode rounding) {
    if (upperBounds == null) {
      return -1;
    }
    try {
      long numerator = 0;
      boolean volume = basis == FeeBasis.PRO_VOLUME;
      if (method == FeeMethod.MARGINAL) {
        long low = volume ? priorMinor : 0;
        long high = Math.addExact(low, amountMinor);
        long lower = 0;
        for (int i = 0; i < upperBounds.length; i++) {
          long upper = upperBounds[i];
          long overlap = Math.min(high, upper) - Math.max(low, lower);
          if (overlap > 0) {
            numerator = Math.addExact(numerator, Math.multiplyExact(overlap, rateUnits[i]));
          }
          if (upper >= high) {
            break;
          }
          lower = upper;
        }
      } else {
        long position = volume ? Math.addExact(priorMinor, amountMinor) : amountMinor;
        int index = upperBounds.length - 1;
        for (int i = 0; i < upperBounds.length; i++) {
          if (position <= upperBounds[i]) {
            index = i;
            break;
          }
        }
        numerator = Math.multiplyExact(amountMinor, rateUnits[index]);
      }
      numerator = Math.addExact(numerator, Math.multiplyExact(fixed.minorUnits(), denominator));
      if (minimum != null) {
        numerator = Math.max(numerator, Math.multiplyExact(minimum.minorUnits(), denominator));
      }
      if (maximum != null) {
        numerator = Math.min(numerator, Math.multiplyExact(maximum.minorUnits(), denominator));
      }
      if (capMinor >= 0) {
        numerator = Math.min(numerator, Math.multiplyExact(capMinor, denominator));
      }
      return ScaledRate.divide(numerator, denominator, rounding);
    } catch (ArithmeticException overflow) {
      return -1;
    }
  }

  /**
   * Starts a rule called {@code name} (unique within its schedule) whose amounts are in {@code
   * currency}.
   */
  public static Builder builder(String name, Currency currency) {
    return new Builder(name, currency);
  }

  /** The rule's name, unique within its schedule; shown in quotes and explanations. */
  public String name() {
    return name;
  }

  /** The currency of every amount of the rule. */
  public Currency currency() {
    return currency;
  }

  /** Which jobs the rule applies to. */
  public FeeMatch match() {
    return match;
  }

  /** How the tiers are applied. */
  public FeeMethod method() {
    return method;
  }

  /** What the tier bounds are compared with. */
  public FeeBasis basis() {
    return basis;
  }

  /** The tiers in order of increasing bound; the last may be open-ended. Never empty. */
  public List<FeeTier> tiers() {
    return tiers;
  }

  /** The fixed amount added to the tiered part; zero when not set. */
  public Money fixed() {
    return fixed;
  }

  /** The lowest fee the rule charges, if any. */
  public Optional<Money> minimum() {
    return Optional.ofNullable(minimum);
  }

  /** The highest fee the rule charges, if any. */
  public Optional<Money> maximum() {
    return Optional.ofNullable(maximum);
  }

  /** A builder holding this rule's settings, to derive a changed rule. */
  public Builder toBuilder() {
    Builder builder =
        new Builder(name, currency)
            .match(match)
            .method(method)
            .basis(basis)
            .fixed(fixed)
            .minimum(minimum)
            .maximum(maximum);
    tiers.forEach(builder::tier);
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeeRule that
        && name.equals(that.name)
        && currency.equals(that.currency)
        && match.equals(that.match)
        && method == that.method
        && basis == that.basis
        && tiers.equals(that.tiers)
        && fixed.equals(that.fixed)
        && Objects.equals(minimum, that.minimum)
        && Objects.equals(maximum, that.maximum);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, match, method, basis, tiers, fixed, minimum, maximum);
  }

  @Override
  public String toString() {
    return "FeeRule[" + name + " " + match + " " + method + " " + basis + " " + tiers + "]";
  }

  /**
   * Collects a rule's settings. Not thread-safe; {@link #build()} (or the {@link FeeSchedule}
   * builder) checks everything and reports every violation at once.
   */
  public static final class Builder {
    private final String name;
    private final Currency currency;
    private FeeMatch match = FeeMatch.ANY;
    private FeeMethod method = FeeMethod.MARGINAL;
    private FeeBasis basis = FeeBasis.JOB_AMOUNT;
    private final List<FeeTier> tiers = new ArrayList<>();
    private Money fixed;
    private Money minimum;
    private Money maximum;

    private Builder(String name, Currency currency) {
      this.name = name;
      this.currency = currency;
    }

    /** The jobs the rule applies to; default {@link FeeMatch#ANY}. */
    public Builder match(FeeMatch match) {
      this.match = match;
      return this;
    }

    /** How the tiers apply; default {@link FeeMethod#MARGINAL}. */
    public Builder method(FeeMethod method) {
      this.method = method;
      return this;
    }

    /** What the tier bounds are compared with; default {@link FeeBasis#JOB_AMOUNT}. */
    public Builder basis(FeeBasis basis) {
      this.basis = basis;
      return this;
    }

    /** Appends a tier. */
    public Builder tier(FeeTier tier) {
      tiers.add(tier);
      return this;
    }

    /** Appends a tier charging {@code rate} up to and including {@code upTo}. */
    public Builder tier(Money upTo, Rate rate) {
      return tier(new FeeTier(upTo, rate));
    }

    /** Appends the open-ended last tier. */
    public Builder lastTier(Rate rate) {
      return tier(FeeTier.above(rate));
    }

    /** The fixed amount added to the tiered part; default zero. */
    public Builder fixed(Money fixed) {
      this.fixed = fixed;
      return this;
    }

    /** The lowest fee; {@code null} for none (the default). */
    public Builder minimum(Money minimum) {
      this.minimum = minimum;
      return this;
    }

    /** The highest fee; {@code null} for none (the default). */
    public Builder maximum(Money maximum) {
      this.maximum = maximum;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws ValidationException naming every broken rule as {@code rules[<name>].<field>}
     */
    public FeeRule build() {
      return build("rules");
    }

    FeeRule build(String collection) {
      List<Violation> violations = violations(collection);
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
      return new FeeRule(this);
    }

    String name() {
      return name;
    }

    Currency currency() {
      return currency;
    }

    FeeMatch match() {
      return match;
    }

    List<Violation> violations(String collection) {
      List<Violation> found = new ArrayList<>();
      String path = collection + "[" + (name == null ? "?" : name) + "]";
      if (name == null || name.isBlank()) {
        found.add(new Violation(path + ".name", "must not be blank"));
      }
      if (currency == null) {
        found.add(new Violation(path + ".currency", "must not be null"));
        return found;
      }
      if (match == null) {
        found.add(new Violation(path + ".match", "must not be null; use FeeMatch.ANY"));
      }
      if (method == null) {
        found.add(new Violation(path + ".method", "must not be null"));
      }
      if (basis == null) {
        found.add(new Violation(path + ".basis", "must not be null"));
      }
      checkTiers(path, found);
      checkAmount(path + ".fixed", fixed, found);
      checkAmount(path + ".minimum", minimum, found);
      checkAmount(path + ".maximum", maximum, found);
      if (minimum != null
          && maximum != null
          && currency.equals(minimum.currency())
          && currency.equals(maximum.currency())
          && minimum.isGreaterThan(maximum)) {
        found.add(
            new Violation(
                path + ".minimum",
                minimum.toDecimal().toPlainString()
                    + " must not be above the maximum "
                    + maximum.toDecimal().toPlainString()));
      }
      return found;
    }

    private void checkTiers(String path, List<Violation> found) {
      if (tiers.isEmpty()) {
        found.add(new Violation(path + ".tiers", "must have at least one tier"));
        return;
      }
      Money previous = null;
      for (int i = 0; i < tiers.size(); i++) {
        String tierPath = path + ".tiers[" + i + "]";
        FeeTier tier = tiers.get(i);
        if (tier == null) {
          found.add(new Violation(tierPath, "must not be null"));
          continue;
        }
        Money upTo = tier.upTo();
        boolean last = i == tiers.size() - 1;
        if (last && upTo != null) {
          // An explicit open-ended tier says what happens above the last bound (0% is fine);
          // guessing it silently is how fee schedules get misconfigured.
          found.add(
              new Violation(
                  tierPath + ".upTo",
                  "the last tier must be open-ended (no upTo); add a last tier, e.g. 0%"));
        }
        if (upTo == null) {
          if (!last) {
            found.add(new Violation(tierPath + ".upTo", "only the last tier may be open-ended"));
          }
          continue;
        }
        if (!checkAmount(tierPath + ".upTo", upTo, found)) {
          continue;
        }
        if (!upTo.isPositive()) {
          found.add(new Violation(tierPath + ".upTo", "must be positive"));
        } else if (previous != null && !upTo.isGreaterThan(previous)) {
          found.add(
              new Violation(
                  tierPath + ".upTo",
                  upTo.toDecimal().toPlainString()
                      + " must be strictly greater than the previous tier's "
                      + previous.toDecimal().toPlainString()));
        }
        previous = upTo;
      }
    }

    private boolean checkAmount(String field, Money amount, List<Violation> found) {
      if (amount == null) {
        return false;
      }
      if (!currency.equals(amount.currency())) {
        found.add(
            new Violation(
                field,
                "currency "
                    + amount.currency().getCurrencyCode()
                    + " does not match the rule's "
                    + currency.getCurrencyCode()));
        return false;
      }
      if (amount.isNegative()) {
        found.add(
            new Violation(field, amount.toDecimal().toPlainString() + " must not be negative"));
        return false;
      }
      return true;
    }
  }
}
