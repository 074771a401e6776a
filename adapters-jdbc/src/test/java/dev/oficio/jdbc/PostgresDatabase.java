package dev.oficio.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL schema of its own for one test class: created and migrated before the class, dropped
 * after it. The server is {@code OFICIO_PG_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres} unless the URL names one, password
 * from {@code OFICIO_PG_PASSWORD} if set). When it is unreachable the class is skipped with a
 * message, unless {@code OFICIO_REQUIRE_PG=true} (or {@code -Doficio.require.pg=true}), which makes
 * it a failure.
 */
final class PostgresDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private PGSimpleDataSource dataSource;
  private String unreachable;
  private String schema;
  private OficioJdbc jdbc;

  @Override
  public void beforeAll(ExtensionContext context) {
    dataSource = dataSource();
    try (Connection connection = dataSource.getConnection()) {
      connection.isValid(2);
    } catch (SQLException e) {
      String message =
          "PostgreSQL unreachable at "
              // Without the query string: it may carry a password.
              + url().replaceFirst("\\?.*", "")
              + " ("
              + e.getMessage()
              + "); set OFICIO_PG_URL, or start the server. ";
      if (required()) {
        fail(message + "OFICIO_REQUIRE_PG=true, so this is a failure.", e);
      }
      unreachable = message + "Skipping (OFICIO_REQUIRE_PG=true turns this into a failure).";
      System.err.println("SKIPPED " + context.getDisplayName() + ": " + unreachable);
      return;
    }
    schema = "oficio_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    jdbc = OficioJdbc.builder(dataSource).schema(schema).build();
  }

  /** Skips each test (so reports count them as skipped) when the server is unreachable. */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (unreachable != null) {
      Assumptions.abort(unreachable);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (schema == null) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema " + schema + " cascade");
    }
  }

  /** The migrated schema's ports. */
  OficioJdbc jdbc() {
    return jdbc;
  }

  /** Another OficioJdbc on the same schema, as a second host instance would have. */
  OficioJdbc anotherInstance() {
    return OficioJdbc.builder(dataSource()).schema(schema).migrate(false).build();
  }

  /** The ports over emptied tables. */
  OficioJdbc fresh() {
    execute(
        "truncate table "
            + String.join(
                ", ",
                schema + ".ledger_postings",
                schema + ".ledger_entries",
                schema + ".outbox_messages",
                schema + ".inbox_events",
                schema + ".timers",
                schema + ".jobs",
                schema + ".payments",
                schema + ".payee_accounts")
            + " restart identity");
    return jdbc;
  }

  /** Runs a statement in the test schema's database. */
  void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  String schema() {
    return schema;
  }

  private static String url() {
    return System.getenv().getOrDefault("OFICIO_PG_URL", DEFAULT_URL);
  }

  private static PGSimpleDataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url());
    if (dataSource.getUser() == null) {
      dataSource.setUser("postgres");
    }
    String password = System.getenv("OFICIO_PG_PASSWORD");
    if (password != null) {
      dataSource.setPassword(password);
    }
    dataSource.setConnectTimeout(3);
    dataSource.setLoginTimeout(3);
    return dataSource;
  }

  private static boolean required() {
    return "true".equals(lower(System.getenv("OFICIO_REQUIRE_PG")))
        || "true".equals(lower(System.getProperty("oficio.require.pg")));
  }

  private static String lower(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }
}
