/**
 * The double-entry ledger: typed {@link dev.oficio.ledger.Account}s, balanced {@link
 * dev.oficio.ledger.JournalEntry}s recorded once per idempotency key in the append-only {@link
 * dev.oficio.ledger.LedgerJournal}, and the {@link dev.oficio.ledger.TrialBalance}. Every money
 * movement in Oficio writes an entry here.
 */
package dev.oficio.ledger;
