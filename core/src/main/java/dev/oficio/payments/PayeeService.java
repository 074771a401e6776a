package dev.oficio.payments;

import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Registers pros' payee accounts and records what the provider reports about them. Onboarding
 * itself (account links) belongs to the provider adapter; provider events update accounts through
 * {@link ProviderEvents}. Thread-safe.
 */
public final class PayeeService {
  private final PayeeAccounts accounts;
  private final TransactionRunner transactions;
  private final Clock clock;

  /** A service over {@code accounts}. */
  public PayeeService(PayeeAccounts accounts, TransactionRunner transactions, Clock clock) {
    if (accounts == null || transactions == null || clock == null) {
      throw ValidationException.of("payeeService", "accounts, transactions and clock are required");
    }
    this.accounts = accounts;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Registers (or returns) the pro's account at {@code provider}, onboarding PENDING and payouts
   * disabled until the provider says otherwise.
   */
  public PayeeAccount register(ProId pro, String provider, String providerAccountId) {
    return transactions.inTransaction(
        () -> {
          Optional<PayeeAccount> existing = accounts.find(pro);
          if (existing.isPresent()) {
            if (!existing.get().providerAccountId().equals(providerAccountId)) {
              throw ValidationException.of(
                  "providerAccountId", "pro " + pro + " already has a payee account");
            }
            return existing.get();
          }
          return accounts.save(
              new PayeeAccount(
                  pro,
                  provider,
                  providerAccountId,
                  OnboardingStatus.PENDING,
                  false,
                  List.of(),
                  clock.instant(),
                  0));
        });
  }

  /** Records the provider's report on the pro's account. */
  public PayeeAccount update(
      ProId pro,
      OnboardingStatus onboarding,
      boolean payoutsEnabled,
      List<String> requirementsDue) {
    return transactions.inTransaction(
        () ->
            accounts.save(
                find(pro)
                    .orElseThrow(() -> new NotFoundException("PayeeAccount", pro))
                    .updated(onboarding, payoutsEnabled, requirementsDue, clock.instant())));
  }

  /** The pro's account, if registered. */
  public Optional<PayeeAccount> find(ProId pro) {
    return transactions.inTransaction(() -> accounts.find(pro));
  }
}
