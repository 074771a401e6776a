package dev.oficio.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.Oficio;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.persistence.TestEvent;
import dev.oficio.persistence.TimerRequest;
import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OficioJdbcTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant T0 = Instant.parse("2027-03-02T13:00:00Z");
  private static final Account CASH = Account.of(AccountType.CASH_AT_PROVIDER);
  private static final Account HELD = Account.of(AccountType.CUSTOMER_FUNDS_HELD);

  @TempDir Path dir;

  private static JournalEntry charge(String key) {
    return JournalEntry.builder(key, T0, "charge")
        .debit(CASH, Money.of("10.00", USD))
        .credit(HELD, Money.of("10.00", USD))
        .build();
  }

  @Test
  void theEmbeddedDatabaseKeepsItsDataAcrossRestarts() {
    try (OficioJdbc first = OficioJdbc.embedded(dir.resolve("data"))) {
      first.ledger().record(charge("charge:1"));
      first.outbox().append(new TestEvent("job-1", T0, "charged"));
    }
    assertThat(Files.exists(dir.resolve("data").resolve("oficio.mv.db"))).isTrue();

    try (OficioJdbc second = OficioJdbc.embedded(dir.resolve("data"))) {
      assertThat(second.ledger().find("charge:1")).isPresent();
      assertThat(second.ledger().balance(CASH, USD)).isEqualTo(Money.of("10.00", USD));
      assertThat(second.outbox().poll(10)).hasSize(1);
      assertThat(second.databaseName()).isEqualTo("H2");
      assertThat(second.schema()).isEqualTo("oficio");
    }
  }

  @Test
  void configurePlugsEveryJdbcPortIntoOficio() {
    try (OficioJdbc jdbc = H2Databases.fresh()) {
      Oficio oficio =
          jdbc.configure(Oficio.builder()).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
      assertThat(oficio.transactions()).isSameAs(jdbc.transactions());
      assertThat(oficio.ledger()).isSameAs(jdbc.ledger());
      assertThat(oficio.outbox()).isSameAs(jdbc.outbox());
      assertThat(oficio.inbox()).isSameAs(jdbc.inbox());
      assertThat(oficio.timerStore()).isSameAs(jdbc.timers());

      oficio.timerStore().schedule(new TimerRequest("k", "kind", T0, ""));
      assertThat(jdbc.timers().find("k")).isPresent();
    }
  }

  @Test
  void aHostChoosesTheSchema() {
    try (OficioJdbc jdbc =
        OficioJdbc.builder(h2("mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))
            .schema("marketplace_oficio")
            .build()) {
      jdbc.ledger().record(charge("charge:1"));
      assertThat(jdbc.schema()).isEqualTo("marketplace_oficio");
      assertThat(jdbc.ledger().entries()).hasSize(1);
    }
  }

  @Test
  void migratingTwiceIsHarmless() {
    JdbcDataSource dataSource = h2("mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    OficioJdbc.builder(dataSource).build().ledger().record(charge("charge:1"));
    OficioJdbc again = OficioJdbc.builder(dataSource).build();
    assertThat(again.ledger().entries()).hasSize(1);
  }

  @Test
  void rejectsSchemaNamesThatAreNotPlainIdentifiers() {
    OficioJdbc.Builder builder = OficioJdbc.builder(h2("mem:x"));
    assertThatThrownBy(() -> builder.schema("oficio; drop table x"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("schema");
    assertThatThrownBy(() -> builder.schema("Oficio")).isInstanceOf(ValidationException.class);
  }

  @Test
  void rejectsAnH2DatabaseThatDoesNotFoldNamesToLowerCase() {
    JdbcDataSource plain = new JdbcDataSource();
    plain.setURL("jdbc:h2:mem:" + UUID.randomUUID());
    assertThatThrownBy(() -> OficioJdbc.builder(plain).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("DATABASE_TO_LOWER=TRUE");
  }

  @Test
  void whatItClosesWithIsClosedWhenBuildingFailsAndOnClose() {
    java.util.concurrent.atomic.AtomicInteger closed =
        new java.util.concurrent.atomic.AtomicInteger();
    JdbcDataSource plain = new JdbcDataSource();
    plain.setURL("jdbc:h2:mem:" + UUID.randomUUID());
    assertThatThrownBy(() -> OficioJdbc.builder(plain).closeWith(closed::incrementAndGet).build())
        .isInstanceOf(ValidationException.class);
    assertThat(closed).hasValue(1);

    OficioJdbc.builder(h2("mem:" + UUID.randomUUID()))
        .closeWith(closed::incrementAndGet)
        .build()
        .close();
    assertThat(closed).hasValue(2);
  }

  @Test
  void postgresRefusesAnotherDatabase() {
    assertThatThrownBy(() -> OficioJdbc.postgres(h2("mem:" + UUID.randomUUID())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("PostgreSQL");
  }

  @Test
  void closingAHostDataSourceInstanceLeavesTheDatabaseUsable() {
    JdbcDataSource dataSource = h2("mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    OficioJdbc.builder(dataSource).build().close();
    assertThat(OficioJdbc.builder(dataSource).migrate(false).build().ledger().entries()).isEmpty();
  }

  private static JdbcDataSource h2(String database) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(OficioJdbc.h2Url(database));
    return dataSource;
  }
}
