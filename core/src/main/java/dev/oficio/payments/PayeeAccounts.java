package dev.oficio.payments;

import dev.oficio.shared.ProId;
import java.util.Optional;

/**
 * Repository port of {@link PayeeAccount}s, one per pro. Call inside a unit of work. Thread-safe
 * implementations.
 */
public interface PayeeAccounts {

  /** The pro's payee account, if they have one. */
  Optional<PayeeAccount> find(ProId pro);

  /** The account with this provider account id, if any (provider events carry only that id). */
  Optional<PayeeAccount> findByProviderAccount(String provider, String providerAccountId);

  /**
   * Stores the account with optimistic locking like {@link Payments#save}.
   *
   * @return the account as stored, at version {@code account.version() + 1}
   */
  PayeeAccount save(PayeeAccount account);
}
