package dev.oficio.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.shared.Money;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgUnitOfWorkIT extends UnitOfWorkContract {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  OficioJdbc freshDatabase() {
    return PG.fresh();
  }

  @Test
  void postgresqlItselfRefusesToRewriteTheLedger() {
    Currency usd = Currency.getInstance("USD");
    PG.jdbc()
        .ledger()
        .record(
            JournalEntry.builder("k-1", Instant.parse("2027-03-02T13:00:00Z"), "x")
                .debit(Account.of(AccountType.CASH_AT_PROVIDER), Money.of("1.00", usd))
                .credit(Account.of(AccountType.PLATFORM_REVENUE), Money.of("1.00", usd))
                .build());
    assertThatThrownBy(
            () -> PG.execute("update " + PG.schema() + ".ledger_entries set description = 'y'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> PG.execute("delete from " + PG.schema() + ".ledger_postings"))
        .hasMessageContaining("append-only");
  }
}
