package dev.oficio.fees;

import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fees of one job, frozen: what the customer pays, what the platform, the tax authority and the
 * processor take, and what the pro receives, with the schedule version and rule that decided them
 * and an explanation an admin can show. Amounts are in the schedule's currency, each rounded
 * exactly once.
 *
 * <p>Invariants, checked on construction: {@code proPayout + platformFee + taxOnFee +
 * processorFeeBorneByPro == gross} and {@code customerTotal == gross + customerServiceFee}, to the
 * cent. Immutable.
 *
 * @param scheduleId the schedule's id
 * @param scheduleVersion the schedule version used
 * @param rule the winning platform fee rule's name
 * @param customerRule the winning customer rule's name, or {@code null} when none matched
 * @param gross the job's gross amount (the price before the customer service fee)
 * @param platformFee the platform's fee taken from the pro
 * @param taxOnFee the tax on the platform fee (IVU), borne by the pro; zero when off
 * @param processorFee the processor's fee on the charged amount
 * @param processorFeePayer who bears the processor fee
 * @param processorFeeBorneByPro the part of the processor fee deducted from the pro's payout: all
 *     of it when the pro bears it (unless the gross cannot cover it, the platform then absorbs the
 *     rest), zero when the platform does
 * @param customerServiceFee the service fee added on top of the customer's price
 * @param proPayout what the pro receives
 * @param customerTotal what the customer is charged
 * @param explanation how the platform fee was computed; {@code null} only for a quote rebuilt from
 *     storage without it (re-quote with {@code FeeResolver.quote(schedule, query)} to explain it)
 * @param customerExplanation how the customer service fee was computed, or {@code null}
 */
public record FeeQuote(
    String scheduleId,
    int scheduleVersion,
    String rule,
    String customerRule,
    Money gross,
    Money platformFee,
    Money taxOnFee,
    Money processorFee,
    FeePayer processorFeePayer,
    Money processorFeeBorneByPro,
    Money customerServiceFee,
    Money proPayout,
    Money customerTotal,
    FeeExplanation explanation,
    FeeExplanation customerExplanation) {

  /** Checks that nothing is missing and that the money is conserved. */
  public FeeQuote {
    if (scheduleId == null || rule == null || processorFeePayer == null) {
      throw ValidationException.of("quote", "scheduleId, rule and payer are required");
    }
    // Checked in long arithmetic: a quote is built on every job, so this must not allocate.
    long grossMinor = minor(gross, gross);
    long deducted =
        Math.addExact(
            Math.addExact(minor(proPayout, gross), minor(platformFee, gross)),
            Math.addExact(minor(taxOnFee, gross), minor(processorFeeBorneByPro, gross)));
    minor(processorFee, gross);
    if (deducted != grossMinor) {
      throw ValidationException.of(
          "quote", "proPayout + platformFee + taxOnFee + processor fee borne by the pro ≠ gross");
    }
    if (Math.addExact(grossMinor, minor(customerServiceFee, gross))
        != minor(customerTotal, gross)) {
      throw ValidationException.of("quote", "customerTotal ≠ gross + customerServiceFee");
    }
  }

  private static long minor(Money amount, Money gross) {
    if (amount == null || amount.isNegative()) {
      throw ValidationException.of("quote", "amounts must be present and not negative");
    }
    if (gross == null || !amount.currency().equals(gross.currency())) {
      throw ValidationException.of("quote", "amounts must share the gross amount's currency");
    }
    return amount.minorUnits();
  }

  /** The customer rule's name, if one matched. */
  public Optional<String> customerRuleName() {
    return Optional.ofNullable(customerRule);
  }

  /**
   * The platform fee as a percentage of the gross amount, rounded HALF_UP to {@code scale} decimals
   * (a display value; zero when the gross is zero).
   */
  public BigDecimal effectiveRatePercent(int scale) {
    if (gross.isZero()) {
      return BigDecimal.ZERO.setScale(scale);
    }
    return BigDecimal.valueOf(platformFee.minorUnits())
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(gross.minorUnits()), scale, RoundingMode.HALF_UP);
  }

  /** The platform fee as a {@link Rate} of the gross amount, to 4 decimals of a percent. */
  public Rate effectiveRate() {
    return Rate.ofPercent(effectiveRatePercent(4));
  }

  /** The whole quote as readable lines: each fee's explanation, then the totals. */
  public List<String> explanationLines() {
    List<String> lines = new ArrayList<>();
    lines.add("schedule " + scheduleId + " v" + scheduleVersion + ", gross " + plain(gross));
    lines.add("platform fee " + plain(platformFee));
    if (explanation != null) {
      explanation.lines().forEach(line -> lines.add("  " + line));
    }
    if (!taxOnFee.isZero()) {
      lines.add("tax on the platform fee " + plain(taxOnFee));
    }
    if (customerExplanation != null) {
      lines.add("customer service fee " + plain(customerServiceFee));
      customerExplanation.lines().forEach(line -> lines.add("  " + line));
    }
    lines.add(
        "processor fee "
            + plain(processorFee)
            + " on "
            + plain(customerTotal)
            + ", borne by "
            + processorFeePayer
            + (processorFeeBorneByPro.isZero()
                ? ""
                : " (pro pays " + plain(processorFeeBorneByPro) + ")"));
    lines.add("pro payout " + plain(proPayout) + ", customer total " + plain(customerTotal));
    return lines;
  }

  private static String plain(Money money) {
    return money.toDecimal().toPlainString();
  }
}
