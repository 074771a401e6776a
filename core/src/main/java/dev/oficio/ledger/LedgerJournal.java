package dev.oficio.ledger;

import dev.oficio.shared.Money;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Port: the append-only double-entry journal. Entries are never updated or deleted; a correction is
 * a new, reversing entry.
 *
 * <p>Implementations are thread-safe.
 */
public interface LedgerJournal {

  /**
   * Records an entry once.
   *
   * @return true if recorded; false if an identical entry with the same idempotency key was already
   *     recorded
   * @throws dev.oficio.shared.ValidationException if the key was used by a different entry
   */
  boolean record(JournalEntry entry);

  /** The entry recorded under {@code idempotencyKey}, if any. */
  Optional<JournalEntry> find(String idempotencyKey);

  /** Every entry in recording order. */
  List<JournalEntry> entries();

  /** The balance of {@code account} in {@code currency} (debits positive), zero if none. */
  Money balance(Account account, Currency currency);

  /** The balance of every account. */
  TrialBalance trialBalance();
}
