package dev.oficio.payments.simulated;

import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import java.util.Currency;

/**
 * What the simulated provider actually did for one payment: its own books, independent of Oficio's
 * records, so that a bug in Oficio's services shows up as a mismatch.
 *
 * @param payment the Oficio payment id the provider saw in the calls
 * @param moneyTakenCount how many captures and charges succeeded (more than one is a double
 *     capture)
 * @param taken the sum of captures and charges
 * @param refunded the sum of refunds
 * @param transferred the sum of transfers to pros (explicit and destination)
 * @param reversed the sum of transfer reversals
 */
public record SimulatedRecords(
    PaymentId payment,
    int moneyTakenCount,
    Money taken,
    Money refunded,
    Money transferred,
    Money reversed) {

  static SimulatedRecords empty(PaymentId payment, Currency currency) {
    Money zero = Money.zero(currency);
    return new SimulatedRecords(payment, 0, zero, zero, zero, zero);
  }

  /**
   * The platform's cash at the provider from this payment: taken − refunded − transferred +
   * reversed.
   */
  public Money platformCash() {
    return taken.minus(refunded).minus(transferred).plus(reversed);
  }

  SimulatedRecords took(Money amount) {
    return new SimulatedRecords(
        payment, moneyTakenCount + 1, taken.plus(amount), refunded, transferred, reversed);
  }

  SimulatedRecords refundedMore(Money amount) {
    return new SimulatedRecords(
        payment, moneyTakenCount, taken, refunded.plus(amount), transferred, reversed);
  }

  SimulatedRecords transferredMore(Money amount) {
    return new SimulatedRecords(
        payment, moneyTakenCount, taken, refunded, transferred.plus(amount), reversed);
  }

  SimulatedRecords reversedMore(Money amount) {
    return new SimulatedRecords(
        payment, moneyTakenCount, taken, refunded, transferred, reversed.plus(amount));
  }
}
