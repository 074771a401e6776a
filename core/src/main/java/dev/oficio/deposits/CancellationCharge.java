package dev.oficio.deposits;

import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * What a late cancellation costs: a fixed amount plus a percentage of the deposit, never more than
 * the deposit itself (a customer is never charged more than they put down).
 *
 * @param fixed a fixed amount, zero or positive
 * @param percentOfDeposit a share of the deposit, rounded half-up to the cent
 */
public record CancellationCharge(Money fixed, Rate percentOfDeposit) {

  /** Checks the fields. */
  public CancellationCharge {
    if (fixed == null || fixed.isNegative()) {
      throw ValidationException.of("fixed", "must be zero or positive");
    }
    if (percentOfDeposit == null) {
      throw ValidationException.of("percentOfDeposit", "must not be null");
    }
  }

  /** A fixed fee. */
  public static CancellationCharge fixed(Money amount) {
    return new CancellationCharge(amount, Rate.ZERO);
  }

  /** A share of the deposit. */
  public static CancellationCharge percent(Currency currency, Rate rate) {
    return new CancellationCharge(Money.zero(currency), rate);
  }

  /** The charge against {@code deposit}, capped at the deposit. */
  public Money against(Money deposit) {
    Money charge = fixed.plus(deposit.multiply(percentOfDeposit, RoundingMode.HALF_UP));
    return charge.min(deposit);
  }
}
