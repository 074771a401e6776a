package dev.oficio.examples;

import dev.oficio.jdbc.OficioJdbc;
import dev.oficio.shared.ValidationException;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens the database a command's {@code --db} option names: nothing for the embedded H2 database
 * under {@code ./oficio-data}, {@code jdbc:h2:file:DIR} for an embedded database elsewhere, or
 * {@code jdbc:postgresql://host:port/db} (user {@code postgres} unless the URL names one; the
 * password from {@code OFICIO_DB_PASSWORD} when set). Oficio's tables go to schema {@code oficio}.
 */
final class ExampleDatabase {
  /** Where the examples keep their embedded database by default. */
  static final Path DEFAULT_DIR = Path.of("oficio-data");

  /** Help text of the {@code --db} option, shared by the commands that take it. */
  static final String OPTION_HELP =
      "Database: jdbc:postgresql://host:port/db or jdbc:h2:file:DIR"
          + " (default: embedded H2 under ./oficio-data).";

  private ExampleDatabase() {}

  /** The database {@code url} names; null or blank means the default embedded one. */
  static OficioJdbc open(String url) {
    if (url == null || url.isBlank()) {
      return OficioJdbc.embedded(DEFAULT_DIR);
    }
    if (url.startsWith("jdbc:h2:file:")) {
      return OficioJdbc.embedded(Path.of(url.substring("jdbc:h2:file:".length())));
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setURL(url);
      if (dataSource.getUser() == null) {
        dataSource.setUser("postgres");
      }
      String password = System.getenv("OFICIO_DB_PASSWORD");
      if (password != null) {
        dataSource.setPassword(password);
      }
      dataSource.setConnectTimeout(5);
      return OficioJdbc.postgres(dataSource);
    }
    throw ValidationException.of(
        "db", "must be jdbc:postgresql://host:port/db or jdbc:h2:file:DIR, was " + url);
  }
}
