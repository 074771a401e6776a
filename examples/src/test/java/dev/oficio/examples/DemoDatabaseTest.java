package dev.oficio.examples;

import static dev.oficio.examples.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.jdbc.OficioJdbc;
import dev.oficio.jobs.JobStatus;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import java.nio.file.Path;
import java.util.Currency;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatabaseTest {
  private static final Currency USD = Currency.getInstance("USD");

  @TempDir Path dir;

  private static JdbcDataSource h2(Path dir) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(OficioJdbc.h2Url("file:" + dir.resolve("oficio")));
    dataSource.setUser("sa");
    return dataSource;
  }

  @Test
  void demoKeepsItsJobPaymentAndLedgerInTheDatabaseItIsGiven() {
    CliRun run = run("demo", "--db", "jdbc:h2:file:" + dir);

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("database: H2, schema oficio_demo");
    try (OficioJdbc jdbc =
        OficioJdbc.builder(h2(dir)).schema("oficio_demo").migrate(false).build()) {
      // The story's $250 job, completed, then refunded $50: $24 of fee and $24 cash remain.
      assertThat(jdbc.jobs().find(JobId.of("job-000001")))
          .get()
          .satisfies(job -> assertThat(job.status()).isEqualTo(JobStatus.COMPLETED));
      assertThat(jdbc.ledger().trialBalance().isBalanced()).isTrue();
      assertThat(jdbc.ledger().balance(Account.of(AccountType.PLATFORM_REVENUE), USD))
          .isEqualTo(Money.of("-24.00", USD));
      assertThat(jdbc.outbox().poll(1000)).isNotEmpty();
    }
  }

  @Test
  void everyRunStartsFromAnEmptyDemoSchema() {
    CliRun first = run("demo", "--db", "jdbc:h2:file:" + dir);
    CliRun second = run("demo", "--db", "jdbc:h2:file:" + dir);

    assertThat(second.status()).isZero();
    // The same story with the same ids on the same database: not twice the money.
    assertThat(second.out())
        .containsPattern("PLATFORM_REVENUE\\s+USD 24.00")
        .containsPattern("total USD\\s+balanced");
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void anUnsupportedDatabaseUrlIsAnErrorNamingTheChoices() {
    CliRun run = run("demo", "--db", "jdbc:mysql://localhost/x");
    assertThat(run.status()).isNotZero();
    assertThat(run.err()).contains("jdbc:postgresql://").contains("jdbc:h2:file:");
  }
}
