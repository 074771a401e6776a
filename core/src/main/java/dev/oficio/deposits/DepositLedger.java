package dev.oficio.deposits;

import dev.oficio.deposits.DepositEvent.AppointmentCancelled;
import dev.oficio.deposits.DepositEvent.CustomerCreditGranted;
import dev.oficio.deposits.DepositEvent.DepositApplied;
import dev.oficio.deposits.DepositEvent.DepositCaptured;
import dev.oficio.deposits.DepositEvent.DepositRefunded;
import dev.oficio.deposits.DepositEvent.DepositSecured;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import java.util.Optional;

/**
 * The ledger entries of deposit events. A charged deposit sits in {@link AccountType#DEPOSITS_HELD}
 * until it settles; a held (authorized) deposit moves no money until it is captured, and releasing
 * it moves none. Keys are derived from the event, so recording the same event twice records once.
 *
 * <ul>
 *   <li>secured by charge: cash at provider ↑, deposits held ↑;
 *   <li>captured: deposits held ↓ (charge) or cash ↑ (hold capture); pro payable and platform
 *       revenue ↑ by their shares;
 *   <li>refunded: deposits held ↓, cash ↓ (charge only; a released hold moves nothing);
 *   <li>applied to a job: deposits held ↓ (or cash ↑ for a hold), customer funds held ↑;
 *   <li>customer credit: platform revenue ↓ (goodwill), promo credit liability ↑;
 *   <li>pro cancellation penalty: pro payable ↓, platform revenue ↑.
 * </ul>
 */
public final class DepositLedger {
  private static final Account CASH = Account.of(AccountType.CASH_AT_PROVIDER);
  private static final Account HELD = Account.of(AccountType.DEPOSITS_HELD);
  private static final Account REVENUE = Account.of(AccountType.PLATFORM_REVENUE);
  private static final Account CUSTOMER_FUNDS = Account.of(AccountType.CUSTOMER_FUNDS_HELD);
  private static final Account PROMO = Account.of(AccountType.PROMO_CREDIT_LIABILITY);

  private DepositLedger() {}

  /**
   * The entry for {@code event} of {@code appointment}, if the event moves money.
   *
   * @param appointment the appointment the event belongs to (tells hold from charge)
   */
  public static Optional<JournalEntry> entryFor(DepositEvent event, Appointment appointment) {
    String id = event.appointment().value();
    boolean held = appointment.depositHeld();
    Account source = held ? CASH : HELD;
    if (event instanceof DepositSecured e && !e.hold()) {
      return Optional.of(
          JournalEntry.builder("deposit-charge:" + id, e.occurredAt(), "deposit charged")
              .debit(CASH, e.amount())
              .credit(HELD, e.amount())
              .build());
    }
    if (event instanceof DepositCaptured e) {
      return Optional.of(
          JournalEntry.builder(
                  "deposit-capture:" + id, e.occurredAt(), "deposit captured: " + e.reason())
              .debit(source, e.proShare().plus(e.platformShare()))
              .credit(Account.proPayable(e.pro()), e.proShare())
              .credit(REVENUE, e.platformShare())
              .build());
    }
    if (event instanceof DepositRefunded e && !held) {
      return Optional.of(
          JournalEntry.builder(
                  "deposit-refund:" + id, e.occurredAt(), "deposit refunded: " + e.reason())
              .debit(HELD, e.amount())
              .credit(CASH, e.amount())
              .build());
    }
    if (event instanceof DepositApplied e) {
      return Optional.of(
          JournalEntry.builder(
                  "deposit-apply:" + id, e.occurredAt(), "deposit applied to " + e.job())
              .debit(source, e.amount())
              .credit(CUSTOMER_FUNDS, e.amount())
              .build());
    }
    if (event instanceof CustomerCreditGranted e) {
      return Optional.of(
          JournalEntry.builder("deposit-credit:" + id, e.occurredAt(), "goodwill credit")
              .debit(REVENUE, e.amount())
              .credit(PROMO, e.amount())
              .build());
    }
    if (event instanceof AppointmentCancelled e && e.by().equals("PRO") && e.fee().isPositive()) {
      return Optional.of(
          JournalEntry.builder(
                  "pro-cancel-penalty:" + id, e.occurredAt(), "pro cancellation penalty")
              .debit(Account.proPayable(appointment.pro()), e.fee())
              .credit(REVENUE, e.fee())
              .build());
    }
    return Optional.empty();
  }
}
