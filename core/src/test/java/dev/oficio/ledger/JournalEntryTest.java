package dev.oficio.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Account CASH = Account.of(AccountType.CASH_AT_PROVIDER);
  private static final Account HELD = Account.of(AccountType.CUSTOMER_FUNDS_HELD);

  @Test
  void rejectsAnUnbalancedEntryNamingTheDifference() {
    assertThatThrownBy(
            () ->
                JournalEntry.builder("k", Instant.EPOCH, "bad")
                    .debit(CASH, Money.of("10.00", USD))
                    .credit(HELD, Money.of("9.99", USD))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unbalanced")
        .hasMessageContaining("USD 0.01");
  }

  @Test
  void mustBalanceInEveryCurrency() {
    assertThatThrownBy(
            () ->
                new JournalEntry(
                    "k",
                    Instant.EPOCH,
                    "fx",
                    List.of(
                        new Posting(CASH, Money.of("10", USD)),
                        new Posting(HELD, Money.of("-10", EUR)))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void needsTwoPostingsAKeyAndNoZeroLines() {
    assertThatThrownBy(
            () ->
                new JournalEntry(
                    "k", Instant.EPOCH, "", List.of(new Posting(CASH, Money.of("1", USD)))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("two postings");
    assertThatThrownBy(() -> new Posting(CASH, Money.zero(USD)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> JournalEntry.builder(" ", Instant.EPOCH, "").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("idempotencyKey");
    assertThatThrownBy(() -> Posting.debit(CASH, Money.of("-1", USD)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void builderSkipsZeroAmounts() {
    JournalEntry entry =
        JournalEntry.builder("k", Instant.EPOCH, "")
            .debit(CASH, Money.of("5", USD))
            .credit(HELD, Money.of("5", USD))
            .credit(Account.of(AccountType.TAX_PAYABLE), Money.zero(USD))
            .build();
    assertThat(entry.postings()).hasSize(2);
  }

  @Test
  void perOwnerAccountsNeedAnOwner() {
    assertThatThrownBy(() -> Account.of(AccountType.PRO_PAYABLE))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> new Account(AccountType.PLATFORM_REVENUE, "p-1"))
        .isInstanceOf(ValidationException.class);
  }
}
