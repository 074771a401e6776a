package dev.oficio.payments;

import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link PayeeAccounts} in memory. Thread-safe. */
public final class InMemoryPayeeAccounts implements PayeeAccounts {
  private final Map<ProId, PayeeAccount> byPro = new HashMap<>();

  /** No accounts. */
  public InMemoryPayeeAccounts() {}

  @Override
  public synchronized Optional<PayeeAccount> find(ProId pro) {
    return Optional.ofNullable(byPro.get(pro));
  }

  @Override
  public synchronized Optional<PayeeAccount> findByProviderAccount(
      String provider, String providerAccountId) {
    return byPro.values().stream()
        .filter(
            a -> a.provider().equals(provider) && a.providerAccountId().equals(providerAccountId))
        .findFirst();
  }

  @Override
  public synchronized PayeeAccount save(PayeeAccount account) {
    if (account == null) {
      throw ValidationException.of("account", "must not be null");
    }
    PayeeAccount stored = byPro.get(account.pro());
    long storedVersion = stored == null ? 0 : stored.version();
    if (storedVersion != account.version()) {
      throw new ConcurrencyException("PayeeAccount " + account.pro(), account.version());
    }
    PayeeAccount saved = account.withVersion(account.version() + 1);
    byPro.put(account.pro(), saved);
    return saved;
  }
}
