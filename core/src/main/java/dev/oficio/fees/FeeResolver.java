package dev.oficio.fees;

import dev.oficio.shared.CurrencyMismatchException;
import dev.oficio.shared.Money;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Computes fee quotes from the schedule in effect and refund quotes from frozen quotes. Pure: the
 * same query against the same schedules always gives the same quote.
 *
 * <p>Every amount is computed exactly and rounded once, at the end, with the schedule's {@link
 * FeeSchedule#rounding()}. The quote path keeps each fee as an exact rational in overflow-checked
 * {@code long}s (falling back to {@link BigDecimal} for very fine rates or huge amounts); the
 * {@link FeeExplanation} re-computes it with {@code BigDecimal} when read:
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
    long feeMinor = fee(rule, grossMinor, priorMinor, grossMinor, rounding);
    long taxMinor = schedule.taxOn(feeMinor);
    long loweredForTax = -1;
    if (Math.addExact(feeMinor, taxMinor) > grossMinor) {
      feeMinor = largestFeeFitting(schedule, grossMinor);
      taxMinor = schedule.taxOn(feeMinor);
      loweredForTax = feeMinor;
    }

    FeeRule customerRule =
        schedule.customerRuleOrNull(query.proId(), query.plan(), query.category());
    long serviceMinor =
        customerRule == null ? 0 : fee(customerRule, grossMinor, priorMinor, -1, rounding);
    long chargedMinor = Math.addExact(grossMinor, serviceMinor);

    ProcessorFee processor = schedule.processorFee();
    long processorMinor = schedule.processorFeeOn(chargedMinor);
    long byProMinor = 0;
    if (processor.payer() == FeePayer.PRO) {
      byProMinor = Math.min(processorMinor, grossMinor - feeMinor - taxMinor);
    }
    long payoutMinor = grossMinor - feeMinor - taxMinor - byProMinor;

    // Explanations are computed lazily (exactly, with BigDecimal) when someone reads them.
    FeeExplanation explanation =
        new FeeExplanation(rule, grossMinor, priorMinor, grossMinor, rounding, loweredForTax);
    FeeExplanation customerExplanation =
        customerRule == null
            ? null
            : new FeeExplanation(customerRule, grossMinor, priorMinor, -1, rounding, -1);
    Money zero = schedule.zero();
    Money processorFee = amount(processorMinor, zero);
    return new FeeQuote(
        schedule.id(),
        schedule.version(),
        rule.name(),
        customerRule == null ? null : customerRule.name(),
        gross,
        amount(feeMinor, zero),
        amount(taxMinor, zero),
        processorFee,
        processor.payer(),
        byProMinor == processorMinor ? processorFee : amount(byProMinor, zero),
        amount(serviceMinor, zero),
        amount(payoutMinor, zero),
        serviceMinor == 0 ? gross : amount(chargedMinor, zero),
        explanation,
        customerExplanation);
  }

  /** Reuses the schedule's zero: most quotes have several zero amounts (no tax, no service fee). */
  private static Money amount(long minor, Money zero) {
    return minor == 0 ? zero : Money.ofMinor(minor, zero.currency());
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

  /** A rule's rounded fee: the long path, or the exact BigDecimal path when it cannot apply. */
  private static long fee(
      FeeRule rule, long amountMinor, long priorMinor, long capMinor, RoundingMode rounding) {
    long fast = rule.fastFee(amountMinor, priorMinor, capMinor, rounding);
    if (fast >= 0) {
      return fast;
    }
    return new FeeExplanation(rule, amountMinor, priorMinor, capMinor, rounding, -1)
        .rounded()
        .minorUnits();
  }

  /** The largest fee f ≤ gross with f + tax(f) ≤ gross. */
  private static long largestFeeFitting(FeeSchedule schedule, long grossMinor) {
    BigDecimal onePlusTax = BigDecimal.ONE.add(schedule.taxOnFee().asFraction());
    long fee =
        BigDecimal.valueOf(grossMinor).divide(onePlusTax, 0, RoundingMode.FLOOR).longValueExact();
    while (fee > 0 && fee + schedule.taxOn(fee) > grossMinor) {
      fee--;
    }
    while (fee + 1 + schedule.taxOn(fee + 1) <= grossMinor) {
      fee++;
    }
    return fee;
  }
}
