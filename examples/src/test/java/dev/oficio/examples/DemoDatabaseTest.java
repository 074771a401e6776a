package dev.oficio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.jdbc.OficioJdbc;
import dev.oficio.ledger.JournalEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatabaseTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static JdbcDataSource h2(Path dir) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(OficioJdbc.h2Url("file:" + dir.resolve("oficio")));
    dataSource.setUser("sa");
    return dataSource;
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = OficioCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void demoKeepsItsLedgerInTheDatabaseItIsGiven() {
    Run run = run("demo", "--db", "jdbc:h2:file:" + dir);

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Database: H2, schema oficio_demo");
    try (OficioJdbc jdbc =
        OficioJdbc.builder(h2(dir)).schema("oficio_demo").migrate(false).build()) {
      assertThat(jdbc.ledger().entries())
          .extracting(JournalEntry::idempotencyKey)
          .containsExactly("charge:demo-job-1", "complete:demo-job-1");
    }
  }

  @Test
  void everyRunStartsFromAnEmptyDemoSchema() {
    Run first = run("demo", "--db", "jdbc:h2:file:" + dir);
    Run second = run("demo", "--db", "jdbc:h2:file:" + dir);

    assertThat(second.status()).isZero();
    // $250 job: the pro is owed $220 after the 12% fee, not twice that on the second run.
    assertThat(second.out())
        .containsPattern("PRO_PAYABLE/p-17\\s+USD 220.00")
        .containsPattern("total USD\\s+balanced");
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void anUnsupportedDatabaseUrlIsAnErrorNamingTheChoices() {
    Run run = run("demo", "--db", "jdbc:mysql://localhost/x");
    assertThat(run.status()).isNotZero();
    assertThat(run.err()).contains("jdbc:postgresql://").contains("jdbc:h2:file:");
  }
}
