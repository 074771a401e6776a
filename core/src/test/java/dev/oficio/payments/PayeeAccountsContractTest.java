package dev.oficio.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.ProId;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PayeeAccounts} repository meets. Adapters extend it with their
 * implementation (published in core's test-jar).
 */
public abstract class PayeeAccountsContractTest {
  /** For subclasses that bind the contract to an implementation. */
  protected PayeeAccountsContractTest() {}

  private static final Instant T0 = Instant.parse("2027-03-01T13:00:00Z");
  private static final ProId PRO = ProId.of("p-1");

  private PayeeAccounts accounts;

  /** A new, empty repository. */
  protected abstract PayeeAccounts newAccounts();

  /** The unit-of-work runner the repository needs; in-memory by default. */
  protected TransactionRunner transactions() {
    return TransactionRunner.inMemory();
  }

  @BeforeEach
  void createRepository() {
    accounts = newAccounts();
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().inTransaction(work);
  }

  @Test
  void savesFindsAndUpdatesAnAccount() {
    PayeeAccount created =
        new PayeeAccount(
            PRO,
            "stripe",
            "acct_1",
            OnboardingStatus.RESTRICTED,
            false,
            List.of("external_account", "tos_acceptance.date"),
            T0,
            0);
    PayeeAccount v1 = tx(() -> accounts.save(created));
    assertThat(v1.version()).isEqualTo(1);
    assertThat(tx(() -> accounts.find(PRO))).contains(v1);
    assertThat(tx(() -> accounts.findByProviderAccount("stripe", "acct_1"))).contains(v1);
    assertThat(tx(() -> accounts.findByProviderAccount("ath", "acct_1"))).isEmpty();
    assertThat(v1.requirementsDue()).containsExactly("external_account", "tos_acceptance.date");

    PayeeAccount v2 =
        tx(
            () ->
                accounts.save(
                    v1.updated(OnboardingStatus.COMPLETE, true, List.of(), T0.plusSeconds(60))));
    assertThat(v2.version()).isEqualTo(2);
    assertThat(tx(() -> accounts.find(PRO)).orElseThrow().payoutsEnabled()).isTrue();
    assertThatThrownBy(() -> tx(() -> accounts.save(v1))).isInstanceOf(ConcurrencyException.class);
    assertThat(tx(() -> accounts.find(ProId.of("p-2")))).isEmpty();
  }
}
