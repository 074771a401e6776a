package dev.oficio.fees;

import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import java.math.BigDecimal;

/**
 * One line of a fee's explanation: the part of the basis that fell in one tier, its rate and the
 * exact (unrounded) fee it contributes. Immutable.
 *
 * @param tier the tier's index in its rule, from 0
 * @param from the tier's exclusive lower bound (zero for the first tier)
 * @param to the tier's inclusive upper bound, or {@code null} for the open-ended last tier
 * @param base the amount charged at this tier's rate
 * @param rate the tier's rate
 * @param fee {@code base × rate}, exact, in major units
 */
public record FeeSlice(int tier, Money from, Money to, Money base, Rate rate, BigDecimal fee) {

  /** {@code "tier 1 (2500.00, 10000.00]: 5000.00 × 4.5% = 225.000"}. */
  @Override
  public String toString() {
    return "tier "
        + (tier + 1)
        + " ("
        + from.toDecimal().toPlainString()
        + ", "
        + (to == null ? "∞)" : to.toDecimal().toPlainString() + "]")
        + ": "
        + base.toDecimal().toPlainString()
        + " × "
        + rate
        + " = "
        + fee.toPlainString();
  }
}
