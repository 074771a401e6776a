package dev.oficio.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.Currency;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LedgerJournal} meets. Adapters extend it with their implementation
 * (published in core's test-jar).
 */
public abstract class LedgerJournalContractTest {
  /** For subclasses that bind the contract to an implementation. */
  protected LedgerJournalContractTest() {}

  protected static final Currency USD = Currency.getInstance("USD");
  protected static final Instant T0 = Instant.parse("2026-12-04T15:00:00Z");
  private static final Account CASH = Account.of(AccountType.CASH_AT_PROVIDER);
  private static final Account HELD = Account.of(AccountType.CUSTOMER_FUNDS_HELD);
  private static final Account REVENUE = Account.of(AccountType.PLATFORM_REVENUE);
  private static final Account PRO = Account.proPayable(ProId.of("p-17"));

  private LedgerJournal journal;

  /** A new, empty journal. */
  protected abstract LedgerJournal newJournal();

  /** The unit-of-work runner the journal needs; in-memory by default. */
  protected TransactionRunner transactions() {
    return TransactionRunner.inMemory();
  }

  @BeforeEach
  void createJournal() {
    journal = newJournal();
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().inTransaction(work);
  }

  private static JournalEntry capture(String key, String amount, String fee) {
    Money gross = Money.of(amount, USD);
    Money platform = Money.of(fee, USD);
    return JournalEntry.builder(key, T0, "capture")
        .debit(CASH, gross)
        .credit(REVENUE, platform)
        .credit(PRO, gross.minus(platform))
        .build();
  }

  @Test
  void recordsBalancedEntriesAndKeepsBalances() {
    assertThat(tx(() -> journal.record(capture("capture:pay-1:1", "100.00", "12.00")))).isTrue();
    assertThat(tx(() -> journal.record(capture("capture:pay-2:1", "50.00", "6.00")))).isTrue();

    assertThat(tx(() -> journal.balance(CASH, USD))).isEqualTo(Money.of("150.00", USD));
    assertThat(tx(() -> journal.balance(REVENUE, USD))).isEqualTo(Money.of("-18.00", USD));
    assertThat(tx(() -> journal.balance(PRO, USD))).isEqualTo(Money.of("-132.00", USD));
    assertThat(tx(() -> journal.balance(HELD, USD))).isEqualTo(Money.zero(USD));
    TrialBalance trial = tx(() -> journal.trialBalance());
    assertThat(trial.isBalanced()).isTrue();
    assertThat(trial.lines()).hasSize(3);
    assertThat(trial.balanceOf(PRO, USD)).isEqualTo(Money.of("-132.00", USD));
  }

  @Test
  void recordingTheSameKeyTwiceRecordsOnce() {
    JournalEntry entry = capture("capture:pay-1:1", "100.00", "12.00");
    assertThat(tx(() -> journal.record(entry))).isTrue();
    assertThat(tx(() -> journal.record(entry))).isFalse();
    assertThat(tx(() -> journal.entries())).hasSize(1);
    assertThat(tx(() -> journal.balance(CASH, USD))).isEqualTo(Money.of("100.00", USD));
  }

  @Test
  void reusingAKeyForDifferentPostingsIsRejected() {
    tx(() -> journal.record(capture("capture:pay-1:1", "100.00", "12.00")));
    assertThatThrownBy(() -> tx(() -> journal.record(capture("capture:pay-1:1", "99.00", "12.00"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("capture:pay-1:1");
    assertThat(tx(() -> journal.balance(CASH, USD))).isEqualTo(Money.of("100.00", USD));
  }

  @Test
  void findsEntriesByKeyInRecordingOrder() {
    tx(() -> journal.record(capture("b", "1.00", "0.10")));
    tx(() -> journal.record(capture("a", "2.00", "0.20")));
    assertThat(tx(() -> journal.entries()))
        .extracting(JournalEntry::idempotencyKey)
        .containsExactly("b", "a");
    JournalEntry found = tx(() -> journal.find("a")).orElseThrow();
    assertThat(found.postings()).containsExactlyElementsOf(capture("a", "2.00", "0.20").postings());
    assertThat(found.recordedAt()).isEqualTo(T0);
    assertThat(tx(() -> journal.find("missing"))).isEmpty();
  }
}
