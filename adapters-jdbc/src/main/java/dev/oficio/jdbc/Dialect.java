package dev.oficio.jdbc;

import dev.oficio.shared.ValidationException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the adapter speaks; the SQL is shared, only the migration folders may differ. */
enum Dialect {
  POSTGRESQL("postgresql", "PostgreSQL"),
  H2("h2", "H2");

  private final String migrationFolder;
  private final String displayName;

  Dialect(String migrationFolder, String displayName) {
    this.migrationFolder = migrationFolder;
    this.displayName = displayName;
  }

  /** {@code PostgreSQL} or {@code H2}. */
  String displayName() {
    return displayName;
  }

  /** The vendor folder under {@code db/oficio/migration} holding this database's own scripts. */
  String migrationFolder() {
    return migrationFolder;
  }

  /**
   * The dialect of the database behind {@code connection}. H2 must fold unquoted names to lower
   * case ({@code DATABASE_TO_LOWER=TRUE}) like PostgreSQL does, or the migrations and the queries
   * would name different tables.
   */
  static Dialect of(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (product.equals("h2")) {
      if (!meta.storesLowerCaseIdentifiers()) {
        throw ValidationException.of(
            "dataSource",
            "H2 must run with MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE in its URL so unquoted names"
                + " fold to lower case as on PostgreSQL");
      }
      return H2;
    }
    throw ValidationException.of(
        "dataSource",
        "Oficio's JDBC adapter supports PostgreSQL 15+ and H2 2.x, not "
            + meta.getDatabaseProductName());
  }
}
