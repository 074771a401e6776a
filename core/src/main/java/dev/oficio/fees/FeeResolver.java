package dev.oficio.fees;

import dev.oficio.shared.CurrencyMismatchException;
import dev.oficio.shared.Money;
import dev.oficio.shared.MoneyOverflowException;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Computes fee quotes from the schedule in effect and refund quotes from frozen quotes. Pure: the
 * same query against the same schedules always gives the same quote.
 *
 * <p>Every amount is computed exactly ({@link BigDecimal} over minor units) and rounded once, at
 * the end, with the schedule's {@link FeeSchedule#rounding()}:
 *
 * <ol>
 *   <li>platform fee = tiered part + fixed, clamped to [minimum, maximum], capped at the gross
 *       amount, rounded;
 *   <li>tax on the fee = rounded fee × tax rate, rounded (tax is levied on the invoiced fee); if
 *       fee + tax would exceed the gross, the fee is lowered to the largest amount for which they
 *       fit;
 *   <li>customer service fee = the customer rule's tiered part + fixed, clamped, rounded (not
 *       capped: it is added on top of the price);
 *   <li>processor fee = (gross + service fee) × percent + fixed, rounded; when the pro bears it, it
 *       is deducted from the payout as far as the payout covers it;
 *   <li>pro payout = gross − fee − tax − processor fee borne by the pro.
 * </ol>
 *
 * Immutable and thread-safe.
 */
public final class FeeResolver {
  private final FeeSchedules schedules;

  private FeeResolver(FeeSchedules schedules) {
    this.schedules = schedules;
  }

  /** A resolver quoting with whichever version of {@code schedules} is effective at the query. */
  public static FeeResolver of(FeeSchedules schedules) {
    if (schedules == null) {
      throw ValidationException.of("schedules", "must not be null");
    }
    return new FeeResolver(schedules);
  }

  /** A resolver over one schedule version. */
  public static FeeResolver of(FeeSchedule schedule) {
    return of(FeeSchedules.of(schedule));
  }

  /** The schedules this resolver quotes from. */
  public FeeSchedules schedules() {
    return schedules;
  }

  /**
   * Quotes the fees of a job with the schedule version in effect at {@link FeeQuery#at()}.
   *
   * @throws NotFoundException if no version is in effect at that instant
   * @throws CurrencyMismatchException if the query's currency is not the schedule's
   */
  public FeeQuote quote(FeeQuery query) {
    if (query == null) {
      throw ValidationException.of("query", "must not be null");
    }
    return quote(schedules.effectiveAt(query.at()), query);
  }

  /**
   * Quotes the fees of a job with a given schedule version, ignoring its effective date (e.g. to
   * re-explain a frozen quote).
   */
  public static FeeQuote quote(FeeSchedule schedule, FeeQuery query) {
    if (schedule == null) {
      throw ValidationException.of("schedule", "must not be null");
    }
    if (query == null) {
      throw ValidationException.of("query", "must not be null");
    }
    Currency currency = schedule.currency();
    Money gross = query.amount();
    if (!gross.currency().equals(currency)) {
      throw new CurrencyMismatchException(currency, gross.currency());
    }
    RoundingMode rounding = schedule.rounding();
    long grossMinor = gross.minorUnits();
    long priorMinor = query.priorVolume().minorUnits();

    FeeRule rule = schedule.ruleFor(query.proId(), query.plan(), query.category());
    Computation platform = compute(rule, grossMinor, priorMinor, grossMinor, rounding);
    long feeMinor = platform.rounded;
    FeeExplanation.Limit limit = platform.limit;
    BigDecimal exact = platform.exact;

    BigDecimal taxFraction = schedule.taxOnFee().asFraction();
    long taxMinor = roundedProduct(feeMinor, taxFraction, rounding);
    if (Math.addExact(feeMinor, taxMinor) > grossMinor) {
      feeMinor = largestFeeFitting(grossMinor, taxFraction, rounding);
      taxMinor = roundedProduct(feeMinor, taxFraction, rounding);
      limit = FeeExplanation.Limit.GROSS_WITH_TAX;
      exact = BigDecimal.valueOf(feeMinor);
    }

    FeeRule customerRule =
        schedule.customerRuleFor(query.proId(), query.plan(), query.category()).orElse(null);
    Computation customer =
        customerRule == null ? null : compute(customerRule, grossMinor, priorMinor, -1, rounding);
    long serviceMinor = customer == null ? 0 : customer.rounded;
    long chargedMinor = Math.addExact(grossMinor, serviceMinor);

    ProcessorFee processor = schedule.processorFee();
    long processorMinor = processorFeeMinor(processor, chargedMinor, currency, rounding);
    long byProMinor = 0;
    if (processor.payer() == FeePayer.PRO) {
      byProMinor = Math.min(processorMinor, grossMinor - feeMinor - taxMinor);
    }
    long payoutMinor = grossMinor - feeMinor - taxMinor - byProMinor;

    int digits = currency.getDefaultFractionDigits();
    FeeExplanation explanation =
        platform.explain(rule, query, currency, limit, exact, feeMinor, digits);
    FeeExplanation customerExplanation =
        customer == null
            ? null
            : customer.explain(
                customerRule,
                query,
                currency,
                customer.limit,
                customer.exact,
                serviceMinor,
                digits);
    return new FeeQuote(
        schedule.id(),
        schedule.version(),
        rule.name(),
        customerRule == null ? null : customerRule.name(),
        gross,
        Money.ofMinor(feeMinor, currency),
        Money.ofMinor(taxMinor, currency),
        Money.ofMinor(processorMinor, currency),
        processor.payer(),
        Money.ofMinor(byProMinor, currency),
        Money.ofMinor(serviceMinor, currency),
        Money.ofMinor(payoutMinor, currency),
        Money.ofMinor(chargedMinor, currency),
        explanation,
        customerExplanation);
  }

  /**
   * Reverses the fees of {@code original} in proportion to a refund of {@code refundAmount} of its
   * gross amount, as the first (or only) refund.
   *
   * @see #refundQuote(FeeQuote, Money, Money)
   */
  public RefundQuote refundQuote(FeeQuote original, Money refundAmount) {
    if (refundAmount == null) {
      throw ValidationException.of("refundAmount", "must not be null");
    }
    return refundQuote(original, refundAmount, Money.zero(refundAmount.currency()));
  }

  /**
   * Reverses the fees of {@code original} in proportion to a refund of {@code refundAmount}, after
   * {@code alreadyRefunded} was refunded before. Each fee part reversed is {@code floor(part ×
   * refunded so far / gross)} minus the same for the previous refunds, so the reversals of any
   * sequence of partial refunds never exceed the fees and add up to them exactly when the whole
   * gross has been refunded; the pro's payout takes the rest, conserving every cent.
   *
   * @param original the frozen quote of the job
   * @param refundAmount the part of the gross amount refunded now, positive
   * @param alreadyRefunded the part of the gross amount refunded before, zero or more
   * @throws ValidationException if the refunds would exceed the gross amount
   */
  public RefundQuote refundQuote(FeeQuote original, Money refundAmount, Money alreadyRefunded) {
    if (original == null) {
      throw ValidationException.of("original", "must not be null");
    }
    if (refundAmount == null) {
      throw ValidationException.of("refundAmount", "must not be null");
    }
    if (alreadyRefunded == null) {
      throw ValidationException.of("alreadyRefunded", "must not be null");
    }
    Money gross = original.gross();
    if (!refundAmount.currency().equals(gross.currency())) {
      throw new CurrencyMismatchException(gross.currency(), refundAmount.currency());
    }
    if (!alreadyRefunded.currency().equals(gross.currency())) {
      throw new CurrencyMismatchException(gross.currency(), alreadyRefunded.currency());
    }
    if (!refundAmount.isPositive()) {
      throw ValidationException.of("refundAmount", "must be positive");
    }
    if (alreadyRefunded.isNegative()) {
      throw ValidationException.of("alreadyRefunded", "must not be negative");
    }
    Money after = alreadyRefunded.plus(refundAmount);
    if (after.isGreaterThan(gross)) {
      throw ValidationException.of(
          "refundAmount",
          refundAmount.toDecimal().toPlainString()
              + " after "
              + alreadyRefunded.toDecimal().toPlainString()
              + " already refunded exceeds the gross "
              + gross.toDecimal().toPlainString());
    }
    long g = gross.minorUnits();
    long before = alreadyRefunded.minorUnits();
    long now = after.minorUnits();
    long fee = share(original.platformFee(), now, g) - share(original.platformFee(), before, g);
    long tax = share(original.taxOnFee(), now, g) - share(original.taxOnFee(), before, g);
    long processor =
        share(original.processorFeeBorneByPro(), now, g)
            - share(original.processorFeeBorneByPro(), before, g);
    long service =
        share(original.customerServiceFee(), now, g)
            - share(original.customerServiceFee(), before, g);
    long payout = refundAmount.minorUnits() - fee - tax - processor;
    Currency currency = gross.currency();
    return new RefundQuote(
        original.scheduleId(),
        original.scheduleVersion(),
        original.rule(),
        refundAmount,
        Money.ofMinor(fee, currency),
        Money.ofMinor(tax, currency),
        Money.ofMinor(processor, currency),
        Money.ofMinor(payout, currency),
        Money.ofMinor(service, currency),
        Money.ofMinor(refundAmount.minorUnits() + service, currency));
  }

  /** floor(part × numerator / denominator) without overflow. */
  private static long share(Money part, long numerator, long denominator) {
    return BigInteger.valueOf(part.minorUnits())
        .multiply(BigInteger.valueOf(numerator))
        .divide(BigInteger.valueOf(denominator))
        .longValueExact();
  }

  private static long processorFeeMinor(
      ProcessorFee processor, long chargedMinor, Currency currency, RoundingMode rounding) {
    if (processor.model() == ProcessorFee.Model.NONE || chargedMinor <= 0) {
      return 0;
    }
    BigDecimal exact =
        BigDecimal.valueOf(chargedMinor)
            .multiply(processor.percent().asFraction())
            .add(BigDecimal.valueOf(processor.fixed().minorUnits()));
    return toLong(exact.setScale(0, rounding));
  }

  private static long roundedProduct(long minor, BigDecimal fraction, RoundingMode rounding) {
    if (fraction.signum() == 0 || minor == 0) {
      return 0;
    }
    return toLong(BigDecimal.valueOf(minor).multiply(fraction).setScale(0, rounding));
  }

  /** The largest fee f ≤ gross with f + round(f × tax) ≤ gross. */
  private static long largestFeeFitting(
      long grossMinor, BigDecimal taxFraction, RoundingMode mode) {
    long fee =
        toLong(
            BigDecimal.valueOf(grossMinor)
                .divide(BigDecimal.ONE.add(taxFraction), 0, RoundingMode.FLOOR));
    while (fee > 0 && fee + roundedProduct(fee, taxFraction, mode) > grossMinor) {
      fee--;
    }
    while (fee + 1 + roundedProduct(fee + 1, taxFraction, mode) <= grossMinor) {
      fee++;
    }
    return fee;
  }

  private static long toLong(BigDecimal value) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new MoneyOverflowException("fee");
    }
  }

  /**
   * Applies one rule. Works in "minor units × percent" so every slice is an exact product of two
   * exact numbers; the single division by 100 and the single rounding come at the end.
   *
   * @param capMinor the cap (the gross amount), or -1 for none
   */
  private static Computation compute(
      FeeRule rule, long amountMinor, long priorMinor, long capMinor, RoundingMode rounding) {
    List<FeeTier> tiers = rule.tiers();
    BigDecimal scaled = BigDecimal.ZERO;
    long[] sliceBases = new long[tiers.size()];
    boolean volume = rule.basis() == FeeBasis.PRO_VOLUME;
    if (rule.method() == FeeMethod.MARGINAL) {
      long low = volume ? priorMinor : 0;
      long high = Math.addExact(low, amountMinor);
      long lower = 0;
      for (int i = 0; i < tiers.size(); i++) {
        FeeTier tier = tiers.get(i);
        long upper = tier.upTo() == null ? Long.MAX_VALUE : tier.upTo().minorUnits();
        long overlap = Math.min(high, upper) - Math.max(low, lower);
        if (overlap > 0) {
          sliceBases[i] = overlap;
          scaled = scaled.add(BigDecimal.valueOf(overlap).multiply(tier.rate().percent()));
        }
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
      sliceBases[index] = amountMinor;
      scaled = BigDecimal.valueOf(amountMinor).multiply(tiers.get(index).rate().percent());
    }
    BigDecimal beforeLimits =
        scaled.movePointLeft(2).add(BigDecimal.valueOf(rule.fixed().minorUnits()));
    BigDecimal exact = beforeLimits;
    FeeExplanation.Limit limit = FeeExplanation.Limit.NONE;
    if (rule.minimum().isPresent()) {
      BigDecimal minimum = BigDecimal.valueOf(rule.minimum().get().minorUnits());
      if (exact.compareTo(minimum) < 0) {
        exact = minimum;
        limit = FeeExplanation.Limit.MINIMUM;
      }
    }
    if (rule.maximum().isPresent()) {
      BigDecimal maximum = BigDecimal.valueOf(rule.maximum().get().minorUnits());
      if (exact.compareTo(maximum) > 0) {
        exact = maximum;
        limit = FeeExplanation.Limit.MAXIMUM;
      }
    }
    if (capMinor >= 0 && exact.compareTo(BigDecimal.valueOf(capMinor)) > 0) {
      exact = BigDecimal.valueOf(capMinor);
      limit = FeeExplanation.Limit.GROSS;
    }
    long rounded = toLong(exact.setScale(0, rounding));
    return new Computation(sliceBases, beforeLimits, exact, limit, rounded);
  }

  /** The result of applying one rule, in minor units; slices are materialised only to explain. */
  private record Computation(
      long[] sliceBases,
      BigDecimal beforeLimits,
      BigDecimal exact,
      FeeExplanation.Limit limit,
      long rounded) {

    FeeExplanation explain(
        FeeRule rule,
        FeeQuery query,
        Currency currency,
        FeeExplanation.Limit finalLimit,
        BigDecimal finalExact,
        long finalRounded,
        int digits) {
      List<FeeTier> tiers = rule.tiers();
      List<FeeSlice> slices = new ArrayList<>(2);
      long lower = 0;
      for (int i = 0; i < tiers.size(); i++) {
        FeeTier tier = tiers.get(i);
        if (sliceBases[i] > 0) {
          BigDecimal fee =
              BigDecimal.valueOf(sliceBases[i])
                  .multiply(tier.rate().percent())
                  .movePointLeft(2 + digits);
          slices.add(
              new FeeSlice(
                  i,
                  Money.ofMinor(lower, currency),
                  tier.upTo(),
                  Money.ofMinor(sliceBases[i], currency),
                  tier.rate(),
                  fee));
        }
        if (tier.upTo() != null) {
          lower = tier.upTo().minorUnits();
        }
      }
      return new FeeExplanation(
          rule.name(),
          rule.method(),
          rule.basis(),
          rule.basis() == FeeBasis.PRO_VOLUME ? query.priorVolume() : Money.zero(currency),
          slices,
          rule.fixed(),
          beforeLimits.movePointLeft(digits),
          finalLimit,
          finalExact.movePointLeft(digits),
          Money.ofMinor(finalRounded, currency));
    }
  }
}
