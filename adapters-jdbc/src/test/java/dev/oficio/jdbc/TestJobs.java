package dev.oficio.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in aggregate table for tests of units of work and optimistic locking: a job id, its
 * version and status, written through {@link OptimisticLocking} as a real repository would.
 */
final class TestJobs {
  record Row(String id, long version, String status, long amountMinor) {}

  private final OficioJdbc jdbc;
  private final String table;

  TestJobs(OficioJdbc jdbc) {
    this.jdbc = jdbc;
    this.table = jdbc.schema() + ".test_jobs";
    try (Connection connection = jdbc.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("drop table if exists " + table);
      statement.execute(
          "create table "
              + table
              + " (job_id varchar(64) primary key, version bigint not null,"
              + " status varchar(20) not null, amount_minor bigint not null)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long insert(String id, String status, long amountMinor) {
    return transactions()
        .withConnection(
            "insert test job",
            c ->
                OptimisticLocking.insert(
                    c, table, "Job", "job_id", id, columns(status, amountMinor)));
  }

  long update(String id, long expectedVersion, String status, long amountMinor) {
    return transactions()
        .withConnection(
            "update test job",
            c ->
                OptimisticLocking.update(
                    c, table, "Job", "job_id", id, expectedVersion, columns(status, amountMinor)));
  }

  Optional<Row> find(String id) {
    return transactions()
        .withConnection(
            "find test job",
            c -> {
              try (PreparedStatement statement =
                  c.prepareStatement(
                      "select job_id, version, status, amount_minor from "
                          + table
                          + " where job_id = ?")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                  return rows.next()
                      ? Optional.of(
                          new Row(
                              rows.getString(1),
                              rows.getLong(2),
                              rows.getString(3),
                              rows.getLong(4)))
                      : Optional.empty();
                }
              }
            });
  }

  private JdbcTransactionRunner transactions() {
    return (JdbcTransactionRunner) jdbc.transactions();
  }

  private static Map<String, Object> columns(String status, long amountMinor) {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("status", status);
    columns.put("amount_minor", amountMinor);
    return columns;
  }
}
