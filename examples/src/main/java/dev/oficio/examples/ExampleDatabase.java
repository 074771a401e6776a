package dev.oficio.examples;

import dev.oficio.jdbc.OficioJdbc;
import dev.oficio.shared.OficioException;
import dev.oficio.shared.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens the database a command's {@code --db} option names: nothing for the embedded H2 database
 * under {@code ./oficio-data}, {@code jdbc:h2:file:DIR} for an embedded database elsewhere, or
 * {@code jdbc:postgresql://host:port/db} (user {@code postgres} unless the URL names one; the
 * password from {@code OFICIO_DB_PASSWORD} when set).
 *
 * <p>Each command keeps its tables in a schema of its own ({@code oficio_demo}, …) that it drops
 * and re-creates at start, so every run tells its story from an empty database (with the same ids)
 * and leaves the result behind for inspection, without touching a host's {@code oficio} schema.
 */
final class ExampleDatabase {
  /** Where the examples keep their embedded database by default. */
  static final Path DEFAULT_DIR = Path.of("oficio-data");

  /** Help text of the {@code --db} option, shared by the commands that take it. */
  static final String OPTION_HELP =
      "Database: jdbc:postgresql://host:port/db or jdbc:h2:file:DIR"
          + " (default: embedded H2 under ./oficio-data).";

  private ExampleDatabase() {}

  /**
   * The database {@code url} names (null or blank: the default embedded one), with {@code schema}
   * emptied and migrated.
   */
  static OficioJdbc openFresh(String url, String schema) {
    DataSource dataSource;
    AutoCloseable onClose = null;
    if (url == null || url.isBlank()) {
      JdbcConnectionPool pool = embeddedPool(DEFAULT_DIR);
      dataSource = pool;
      onClose = pool::dispose;
    } else if (url.startsWith("jdbc:h2:file:")) {
      JdbcConnectionPool pool = embeddedPool(Path.of(url.substring("jdbc:h2:file:".length())));
      dataSource = pool;
      onClose = pool::dispose;
    } else if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(url);
      if (postgres.getUser() == null) {
        postgres.setUser("postgres");
      }
      String password = System.getenv("OFICIO_DB_PASSWORD");
      if (password != null) {
        postgres.setPassword(password);
      }
      postgres.setConnectTimeout(5);
      dataSource = postgres;
    } else {
      throw ValidationException.of(
          "db", "must be jdbc:postgresql://host:port/db or jdbc:h2:file:DIR, was " + url);
    }
    dropSchema(dataSource, schema);
    return OficioJdbc.builder(dataSource).schema(schema).closeWith(onClose).build();
  }

  /** The pool over {@code dir/oficio.mv.db}, the file {@link OficioJdbc#embedded} opens. */
  private static JdbcConnectionPool embeddedPool(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new OficioException("cannot create the database directory " + absolute, e);
    }
    return JdbcConnectionPool.create(
        OficioJdbc.h2Url("file:" + absolute.resolve("oficio")), "sa", "");
  }

  private static void dropSchema(DataSource dataSource, String schema) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      throw new OficioException("cannot connect to the database: " + e.getMessage(), e);
    }
  }
}
