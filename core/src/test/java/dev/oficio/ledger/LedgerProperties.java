package dev.oficio.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class LedgerProperties {
  private static final Currency USD = Currency.getInstance("USD");
  private static final List<Account> ACCOUNTS =
      List.of(
          Account.of(AccountType.CASH_AT_PROVIDER),
          Account.of(AccountType.CUSTOMER_FUNDS_HELD),
          Account.of(AccountType.DEPOSITS_HELD),
          Account.of(AccountType.PLATFORM_REVENUE),
          Account.of(AccountType.PROCESSOR_FEES),
          Account.of(AccountType.PROMO_CREDIT_LIABILITY),
          Account.of(AccountType.TAX_PAYABLE),
          Account.proPayable(ProId.of("p-1")),
          Account.proPayable(ProId.of("p-2")));

  /** A balanced movement: an amount moved from one account to one or more others. */
  record Movement(int from, List<Integer> to, long cents) {}

  private static Gen<Movement> movements() {
    return integers()
        .between(0, ACCOUNTS.size() - 1)
        .zip(
            lists().of(integers().between(0, ACCOUNTS.size() - 1)).ofSizeBetween(1, 4),
            longs().between(1, 10_000_000),
            Movement::new);
  }

  @Test
  void randomBalancedEntriesKeepTheTrialBalanceAtZero() {
    qt().forAll(lists().of(movements()).ofSizeBetween(1, 40))
        .checkAssert(
            sequence -> {
              LedgerJournal journal = new InMemoryLedgerJournal();
              Map<Account, Long> expected = new HashMap<>();
              int n = 0;
              for (Movement m : sequence) {
                Money amount = Money.ofMinor(m.cents(), USD);
                int[] ratios = m.to().stream().mapToInt(i -> 1).toArray();
                List<Money> parts = amount.allocate(ratios);
                JournalEntry.Builder entry =
                    JournalEntry.builder("e-" + n++, Instant.EPOCH, "move")
                        .credit(ACCOUNTS.get(m.from()), amount);
                expected.merge(ACCOUNTS.get(m.from()), -m.cents(), Long::sum);
                for (int i = 0; i < parts.size(); i++) {
                  entry.debit(ACCOUNTS.get(m.to().get(i)), parts.get(i));
                  expected.merge(ACCOUNTS.get(m.to().get(i)), parts.get(i).minorUnits(), Long::sum);
                }
                journal.record(entry.build());
              }
              TrialBalance trial = journal.trialBalance();
              assertThat(trial.isBalanced()).isTrue();
              List<Account> touched = new ArrayList<>(expected.keySet());
              for (Account account : touched) {
                assertThat(journal.balance(account, USD).minorUnits())
                    .isEqualTo(expected.get(account));
              }
            });
  }
}
