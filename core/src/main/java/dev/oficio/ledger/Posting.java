package dev.oficio.ledger;

import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;

/**
 * One line of a journal entry: a signed amount on an account. Positive is a debit, negative a
 * credit.
 *
 * @param account the account
 * @param amount the signed amount; never zero
 */
public record Posting(Account account, Money amount) {
  /** Checks the fields. */
  public Posting {
    if (account == null) {
      throw ValidationException.of("posting.account", "must not be null");
    }
    if (amount == null) {
      throw ValidationException.of("posting.amount", "must not be null");
    }
    if (amount.isZero()) {
      throw ValidationException.of("posting.amount", "must not be zero on " + account);
    }
  }

  /** A debit of {@code amount} (positive) to {@code account}. */
  public static Posting debit(Account account, Money amount) {
    return new Posting(account, requirePositive(amount));
  }

  /** A credit of {@code amount} (positive) to {@code account}. */
  public static Posting credit(Account account, Money amount) {
    return new Posting(account, requirePositive(amount).negate());
  }

  private static Money requirePositive(Money amount) {
    if (amount == null || !amount.isPositive()) {
      throw ValidationException.of("posting.amount", "debits and credits take a positive amount");
    }
    return amount;
  }
}
