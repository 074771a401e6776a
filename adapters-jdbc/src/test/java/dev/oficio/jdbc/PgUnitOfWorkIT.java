package dev.oficio.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.persistence.TestEvent;
import dev.oficio.shared.Money;
import dev.oficio.shared.OficioException;
import java.sql.ResultSet;
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
  void aConnectionLostBeforeCommitLeavesNeitherLedgerEntryNorOutboxRow() {
    OficioJdbc jdbc = PG.fresh();
    JdbcTransactionRunner tx = (JdbcTransactionRunner) jdbc.transactions();
    Currency usd = Currency.getInstance("USD");
    Instant t0 = Instant.parse("2027-03-02T13:00:00Z");

    assertThatThrownBy(
            () ->
                tx.run(
                    () -> {
                      jdbc.ledger()
                          .record(
                              JournalEntry.builder("charge:job-1", t0, "charge")
                                  .debit(
                                      Account.of(AccountType.CASH_AT_PROVIDER),
                                      Money.of("250.00", usd))
                                  .credit(
                                      Account.of(AccountType.CUSTOMER_FUNDS_HELD),
                                      Money.of("250.00", usd))
                                  .build());
                      jdbc.outbox().append(new TestEvent("job-1", t0, "charged"));
                      // The process "dies": the server drops this unit's session before commit.
                      int pid =
                          tx.withConnection(
                              "pid",
                              c -> {
                                try (ResultSet rows =
                                    c.createStatement().executeQuery("select pg_backend_pid()")) {
                                  rows.next();
                                  return rows.getInt(1);
                                }
                              });
                      PG.execute("select pg_terminate_backend(" + pid + ")");
                    }))
        .isInstanceOf(OficioException.class);

    assertThat(jdbc.ledger().entries()).isEmpty();
    assertThat(jdbc.ledger().trialBalance().lines()).isEmpty();
    assertThat(jdbc.outbox().poll(10)).isEmpty();
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
