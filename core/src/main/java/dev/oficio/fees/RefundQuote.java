package dev.oficio.fees;

import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;

/**
 * What a refund of part (or all) of a job's gross amount reverses, in proportion to the original
 * {@link FeeQuote}. Conserves cents: {@code proPayoutReversed + platformFeeReversed +
 * taxOnFeeReversed + processorFeeReversed == refundAmount}, checked on construction, and the
 * reversals of successive partial refunds add up to the original fees exactly once the whole gross
 * is refunded. Immutable.
 *
 * @param scheduleId the original quote's schedule id
 * @param scheduleVersion the original quote's schedule version
 * @param rule the original quote's rule
 * @param refundAmount the part of the gross amount refunded
 * @param platformFeeReversed the platform fee given back to the pro
 * @param taxOnFeeReversed the tax on that fee given back
 * @param processorFeeReversed the part of the processor fee borne by the pro given back to the pro
 *     (whether the processor returns its own fee is the processor's matter)
 * @param proPayoutReversed what is taken back from the pro's payout
 * @param customerServiceFeeReversed the customer service fee returned to the customer
 * @param customerRefund what the customer gets back: refundAmount + customerServiceFeeReversed
 */
public record RefundQuote(
    String scheduleId,
    int scheduleVersion,
    String rule,
    Money refundAmount,
    Money platformFeeReversed,
    Money taxOnFeeReversed,
    Money processorFeeReversed,
    Money proPayoutReversed,
    Money customerServiceFeeReversed,
    Money customerRefund) {

  /** Checks presence and conservation. */
  public RefundQuote {
    Money[] amounts = {
      refundAmount,
      platformFeeReversed,
      taxOnFeeReversed,
      processorFeeReversed,
      proPayoutReversed,
      customerServiceFeeReversed,
      customerRefund
    };
    for (Money amount : amounts) {
      if (amount == null || amount.isNegative()) {
        throw ValidationException.of("refund", "amounts must be present and not negative");
      }
    }
    if (!proPayoutReversed
        .plus(platformFeeReversed)
        .plus(taxOnFeeReversed)
        .plus(processorFeeReversed)
        .equals(refundAmount)) {
      throw ValidationException.of("refund", "the reversed parts do not add up to the refund");
    }
    if (!refundAmount.plus(customerServiceFeeReversed).equals(customerRefund)) {
      throw ValidationException.of(
          "refund", "customerRefund ≠ refundAmount + service fee reversed");
    }
  }
}
