package dev.oficio.ledger;

import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link LedgerJournal} in memory. Thread-safe. */
public final class InMemoryLedgerJournal implements LedgerJournal {
  private final Map<String, JournalEntry> byKey = new LinkedHashMap<>();
  private final Map<Account, Map<Currency, Money>> balances = new HashMap<>();

  /** An empty journal. */
  public InMemoryLedgerJournal() {}

  @Override
  public synchronized boolean record(JournalEntry entry) {
    if (entry == null) {
      throw ValidationException.of("entry", "must not be null");
    }
    JournalEntry existing = byKey.get(entry.idempotencyKey());
    if (existing != null) {
      if (!existing.postings().equals(entry.postings())) {
        throw ValidationException.of(
            "idempotencyKey",
            entry.idempotencyKey() + " was already used by an entry with different postings");
      }
      return false;
    }
    byKey.put(entry.idempotencyKey(), entry);
    for (Posting p : entry.postings()) {
      balances
          .computeIfAbsent(p.account(), a -> new HashMap<>())
          .merge(p.amount().currency(), p.amount(), Money::plus);
    }
    return true;
  }

  @Override
  public synchronized Optional<JournalEntry> find(String idempotencyKey) {
    return Optional.ofNullable(byKey.get(idempotencyKey));
  }

  @Override
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(byKey.values());
  }

  @Override
  public synchronized Money balance(Account account, Currency currency) {
    return balances.getOrDefault(account, Map.of()).getOrDefault(currency, Money.zero(currency));
  }

  @Override
  public synchronized TrialBalance trialBalance() {
    List<TrialBalance.Line> lines = new ArrayList<>();
    balances.forEach(
        (account, byCurrency) ->
            byCurrency.forEach(
                (currency, amount) -> {
                  if (!amount.isZero()) {
                    lines.add(new TrialBalance.Line(account, amount));
                  }
                }));
    lines.sort(
        Comparator.comparing(TrialBalance.Line::account)
            .thenComparing(l -> l.balance().currency().getCurrencyCode()));
    return new TrialBalance(lines);
  }
}
