package dev.oficio.jdbc;

import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Versioned writes for aggregate tables. Every aggregate row carries a {@code version} column: a
 * new row starts at version 1, and an update only applies when the row still has the version the
 * writer read, bumping it by one. A writer that lost the race gets a {@link ConcurrencyException};
 * since commands are idempotent, services may retry the whole command.
 *
 * <p>Table and column names are checked identifiers (they are spliced into SQL); values are bound.
 * Instants bind as {@code timestamp with time zone}, enums as their name.
 */
final class OptimisticLocking {
  private OptimisticLocking() {}

  /**
   * Saves an aggregate row: inserts it when {@code version} is 0 (never stored), otherwise updates
   * it if it still has {@code version}.
   *
   * @return the new version
   * @throws ConcurrencyException when another writer inserted or updated the row first, or the row
   *     the writer read no longer exists
   */
  static long save(
      Connection connection,
      String table,
      String aggregate,
      String idColumn,
      String id,
      long version,
      Map<String, ?> columns)
      throws SQLException {
    if (version == 0) {
      return insert(connection, table, aggregate, idColumn, id, columns);
    }
    try {
      return update(connection, table, aggregate, idColumn, id, version, columns);
    } catch (NotFoundException e) {
      // As in memory: an aggregate that was never stored has version 0, not this one.
      throw new ConcurrencyException(aggregate + " " + id, version);
    }
  }

  /**
   * Inserts an aggregate row at version 1.
   *
   * @param columns the other columns and their values, in order
   * @return the new version, 1
   * @throws ConcurrencyException when a row with this id already exists (created concurrently)
   */
  static long insert(
      Connection connection,
      String table,
      String aggregate,
      String idColumn,
      String id,
      Map<String, ?> columns)
      throws SQLException {
    List<String> names = columnNames(columns);
    StringBuilder sql =
        new StringBuilder("insert into ")
            .append(qualified(table))
            .append(" (")
            .append(Sql.identifier("idColumn", idColumn))
            .append(", version");
    names.forEach(n -> sql.append(", ").append(n));
    sql.append(") values (?, 1");
    names.forEach(n -> sql.append(", ?"));
    sql.append(") on conflict do nothing");
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      statement.setString(1, id);
      bind(statement, 2, columns);
      if (statement.executeUpdate() == 0) {
        throw new ConcurrencyException(aggregate + " " + id, 0);
      }
    }
    return 1;
  }

  /**
   * Updates an aggregate row if it still has {@code expectedVersion}.
   *
   * @return the new version, {@code expectedVersion + 1}
   * @throws ConcurrencyException when the row has another version (a concurrent write won)
   * @throws NotFoundException when there is no row with this id
   */
  static long update(
      Connection connection,
      String table,
      String aggregate,
      String idColumn,
      String id,
      long expectedVersion,
      Map<String, ?> columns)
      throws SQLException {
    List<String> names = columnNames(columns);
    String idName = Sql.identifier("idColumn", idColumn);
    StringBuilder sql = new StringBuilder("update ").append(qualified(table)).append(" set ");
    names.forEach(n -> sql.append(n).append(" = ?, "));
    sql.append("version = version + 1 where ").append(idName).append(" = ? and version = ?");
    int changed;
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int next = bind(statement, 1, columns);
      statement.setString(next, id);
      statement.setLong(next + 1, expectedVersion);
      changed = statement.executeUpdate();
    }
    if (changed == 0) {
      String exists = "select 1 from " + qualified(table) + " where " + idName + " = ?";
      try (PreparedStatement statement = connection.prepareStatement(exists)) {
        statement.setString(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new NotFoundException(aggregate, id);
          }
        }
      }
      throw new ConcurrencyException(aggregate + " " + id, expectedVersion);
    }
    return expectedVersion + 1;
  }

  private static List<String> columnNames(Map<String, ?> columns) {
    if (columns == null) {
      throw ValidationException.of("columns", "must not be null");
    }
    List<String> names = new ArrayList<>(columns.size());
    for (String name : columns.keySet()) {
      if ("version".equals(name)) {
        throw ValidationException.of("columns", "version is managed by optimistic locking");
      }
      names.add(Sql.identifier("column", name));
    }
    return names;
  }

  /** {@code schema.table} or {@code table}, each part a checked identifier. */
  private static String qualified(String table) {
    if (table == null) {
      throw ValidationException.of("table", "must not be null");
    }
    int dot = table.indexOf('.');
    if (dot < 0) {
      return Sql.identifier("table", table);
    }
    return Sql.identifier("schema", table.substring(0, dot))
        + "."
        + Sql.identifier("table", table.substring(dot + 1));
  }

  private static int bind(PreparedStatement statement, int first, Map<String, ?> columns)
      throws SQLException {
    int index = first;
    for (Object value : columns.values()) {
      if (value instanceof Instant instant) {
        Sql.setInstant(statement, index, instant);
      } else if (value instanceof Enum<?> constant) {
        statement.setString(index, constant.name());
      } else {
        statement.setObject(index, value);
      }
      index++;
    }
    return index;
  }
}
