package dev.oficio.jdbc;

import dev.oficio.shared.OficioException;
import dev.oficio.shared.ValidationException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** Small JDBC helpers shared by the repositories. */
final class Sql {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Sql() {}

  /**
   * Checks a schema, table or column name. Names are spliced into SQL text (JDBC cannot bind them),
   * so only plain lower-case identifiers are accepted.
   */
  static String identifier(String field, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw ValidationException.of(
          field, "must be a lower-case SQL identifier ([a-z_][a-z0-9_]{0,62}), was '" + name + "'");
    }
    return name;
  }

  /** Binds an instant as {@code timestamp with time zone} (UTC); null binds SQL NULL. */
  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setObject(
        index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  /** Reads a {@code timestamp with time zone} column; SQL NULL reads as null. */
  static Instant getInstant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Reads a {@code sum(bigint)} (numeric on PostgreSQL, decimal on H2) as an exact long. */
  static long getSum(ResultSet rows, int column) throws SQLException {
    BigDecimal sum = rows.getBigDecimal(column);
    if (sum == null) {
      return 0L;
    }
    try {
      return sum.longValueExact();
    } catch (ArithmeticException e) {
      throw new OficioException("a ledger sum overflows 64-bit minor units: " + sum, e);
    }
  }

  /** The exception a failed statement leaves the adapter as: no SQL text, the SQLState kept. */
  static OficioException failure(String what, SQLException e) {
    return new OficioException(
        "database operation failed: " + what + " (SQLState " + e.getSQLState() + ")", e);
  }
}
