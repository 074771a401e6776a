package dev.oficio.ledger;

import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A balanced set of postings recorded together: for every currency the postings sum to zero, or the
 * entry is rejected. Immutable.
 *
 * @param idempotencyKey unique per money movement, e.g. {@code capture:pay-000001:1}; recording the
 *     same key twice records once
 * @param recordedAt when the movement happened
 * @param description a short human description
 * @param postings at least two postings, summing to zero per currency
 */
public record JournalEntry(
    String idempotencyKey, Instant recordedAt, String description, List<Posting> postings) {

  /** Checks balance and completeness. */
  public JournalEntry {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
      throw ValidationException.of("idempotencyKey", "must be 1 to 200 characters");
    }
    if (recordedAt == null) {
      throw ValidationException.of("recordedAt", "must not be null");
    }
    if (description == null) {
      description = "";
    }
    if (postings == null || postings.size() < 2) {
      throw ValidationException.of("postings", "an entry needs at least two postings");
    }
    postings = List.copyOf(postings);
    Map<String, Money> sums = new TreeMap<>();
    for (Posting p : postings) {
      sums.merge(p.amount().currency().getCurrencyCode(), p.amount(), Money::plus);
    }
    for (Money sum : sums.values()) {
      if (!sum.isZero()) {
        throw ValidationException.of(
            "postings",
            "entry " + idempotencyKey + " is unbalanced: postings sum to " + sum + ", not zero");
      }
    }
  }

  /** Starts an entry. */
  public static Builder builder(String idempotencyKey, Instant recordedAt, String description) {
    return new Builder(idempotencyKey, recordedAt, description);
  }

  /** The currencies the entry moves. */
  public List<Currency> currencies() {
    return postings.stream().map(p -> p.amount().currency()).distinct().toList();
  }

  /** Collects postings; {@link #build()} checks the balance. Not thread-safe. */
  public static final class Builder {
    private final String idempotencyKey;
    private final Instant recordedAt;
    private final String description;
    private final List<Posting> postings = new ArrayList<>();

    private Builder(String idempotencyKey, Instant recordedAt, String description) {
      this.idempotencyKey = idempotencyKey;
      this.recordedAt = recordedAt;
      this.description = description;
    }

    /** Debits {@code amount}; zero amounts are skipped so callers need not special-case them. */
    public Builder debit(Account account, Money amount) {
      if (amount != null && amount.isZero()) {
        return this;
      }
      postings.add(Posting.debit(account, amount));
      return this;
    }

    /** Credits {@code amount}; zero amounts are skipped. */
    public Builder credit(Account account, Money amount) {
      if (amount != null && amount.isZero()) {
        return this;
      }
      postings.add(Posting.credit(account, amount));
      return this;
    }

    /** The entry. */
    public JournalEntry build() {
      return new JournalEntry(idempotencyKey, recordedAt, description, postings);
    }
  }
}
