package dev.oficio.payments;

import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Payments} in memory. Payments are immutable, so stored values are shared safely. */
public final class InMemoryPayments implements Payments {
  private final Map<PaymentId, Payment> byId = new LinkedHashMap<>();

  /** No payments. */
  public InMemoryPayments() {}

  @Override
  public synchronized Optional<Payment> find(PaymentId id) {
    if (id == null) {
      throw ValidationException.of("id", "must not be null");
    }
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Payment save(Payment payment) {
    if (payment == null) {
      throw ValidationException.of("payment", "must not be null");
    }
    Payment stored = byId.get(payment.id());
    long storedVersion = stored == null ? 0 : stored.version();
    if (storedVersion != payment.version()) {
      throw new ConcurrencyException("Payment " + payment.id(), payment.version());
    }
    Payment saved = payment.withVersion(payment.version() + 1);
    byId.put(payment.id(), saved);
    return saved;
  }

  @Override
  public synchronized List<Payment> findDue(Instant now, int max) {
    if (now == null || max <= 0) {
      throw ValidationException.of("max", "now is required and max must be positive");
    }
    return byId.values().stream()
        .filter(p -> earliestDue(p, now).isPresent())
        .sorted(Comparator.comparing((Payment p) -> earliestDue(p, now).orElseThrow()))
        .limit(max)
        .toList();
  }

  /** Every stored payment, in insertion order; for tests and the examples. */
  public synchronized List<Payment> all() {
    return List.copyOf(byId.values());
  }

  private static Optional<Instant> earliestDue(Payment p, Instant now) {
    return p.openTransactions().stream()
        .map(PaymentTransaction::nextCheckAt)
        .filter(at -> !at.isAfter(now))
        .min(Comparator.naturalOrder());
  }
}
