package dev.oficio.deposits;

import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;

/**
 * What a decision does with the deposit. The parts never exceed the deposit: {@code proShare +
 * platformShare + refund + applied == deposit} for a settled deposit.
 *
 * @param proShare captured and owed to the pro
 * @param platformShare captured and kept by the platform
 * @param refund returned to the customer
 * @param applied credited to the customer's resulting job
 * @param customerCredit an extra goodwill credit for the customer (not from the deposit)
 */
public record DepositSettlement(
    Money proShare, Money platformShare, Money refund, Money applied, Money customerCredit) {

  /** Checks signs and currencies. */
  public DepositSettlement {
    for (Money m : new Money[] {proShare, platformShare, refund, applied, customerCredit}) {
      if (m == null || m.isNegative()) {
        throw ValidationException.of("settlement", "amounts must be zero or positive");
      }
    }
    for (Money m : new Money[] {platformShare, refund, applied, customerCredit}) {
      if (!m.currency().equals(proShare.currency())) {
        throw ValidationException.of("settlement", "amounts must share one currency");
      }
    }
  }

  /** Everything back to the customer. */
  static DepositSettlement refundAll(Money deposit, Money credit) {
    Money zero = Money.zero(deposit.currency());
    return new DepositSettlement(zero, zero, deposit, zero, credit);
  }

  /** The captured amount: pro share plus platform share. */
  public Money captured() {
    return proShare.plus(platformShare);
  }

  /** How much of the deposit this settlement distributes. */
  public Money total() {
    return captured().plus(refund).plus(applied);
  }
}
