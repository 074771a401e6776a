package dev.oficio.jdbc;

import dev.oficio.persistence.ScheduledTimer;
import dev.oficio.persistence.ScheduledTimer.Status;
import dev.oficio.persistence.TimerRequest;
import dev.oficio.persistence.Timers;
import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Timers} on the {@code timers} table. {@link #claimDue} selects due rows with {@code FOR
 * UPDATE SKIP LOCKED} and marks them claimed with a lease in the same unit of work, so concurrent
 * runners (threads or host instances) never claim the same timer: a row another runner is claiming
 * is skipped, and once that runner commits the row is CLAIMED and no longer due.
 *
 * <p>PostgreSQL locks only the rows the query returns, so parallel runners claim disjoint batches.
 * H2 2.3 accepts the same SQL but locks every row matching the condition before applying the limit,
 * so while one runner claims, the others find nothing: claims are serialised on H2, still exactly
 * once.
 */
final class JdbcTimers implements Timers {
  private static final int MAX_ERROR_LENGTH = 4000;

  private final JdbcTransactionRunner transactions;
  private final String insert;
  private final String cancel;
  private final String selectDue;
  private final String claim;
  private final String complete;
  private final String retryLater;
  private final String fail;
  private final String selectOne;

  JdbcTimers(JdbcTransactionRunner transactions, String schema) {
    this.transactions = transactions;
    String table = schema + ".timers";
    String columns = "timer_key, kind, due_at, payload, status, attempts, last_error";
    this.insert =
        "insert into "
            + table
            + " (timer_key, kind, due_at, payload, status, attempts) values (?, ?, ?, ?, 'PENDING', 0)"
            + " on conflict do nothing";
    this.cancel =
        "update "
            + table
            + " set status = 'CANCELLED', lease_until = null"
            + " where timer_key = ? and status in ('PENDING', 'CLAIMED')";
    this.selectDue =
        "select "
            + columns
            + " from "
            + table
            + " where (status = 'PENDING' and due_at <= ?) or (status = 'CLAIMED' and lease_until <= ?)"
            + " order by due_at, timer_key limit ? for update skip locked";
    this.claim = "update " + table + " set status = 'CLAIMED', lease_until = ? where timer_key = ?";
    this.complete =
        "update "
            + table
            + " set status = 'DONE', lease_until = null where timer_key = ? and status = 'CLAIMED'";
    this.retryLater =
        "update "
            + table
            + " set status = 'PENDING', due_at = ?, attempts = attempts + 1, last_error = ?,"
            + " lease_until = null where timer_key = ? and status = 'CLAIMED'";
    this.fail =
        "update "
            + table
            + " set status = 'FAILED', attempts = attempts + 1, last_error = ?, lease_until = null"
            + " where timer_key = ? and status = 'CLAIMED'";
    this.selectOne = "select " + columns + " from " + table + " where timer_key = ?";
  }

  @Override
  public boolean schedule(TimerRequest request) {
    if (request == null) {
      throw ValidationException.of("request", "must not be null");
    }
    return transactions.withConnection(
        "schedule timer",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, request.key());
            statement.setString(2, request.kind());
            Sql.setInstant(statement, 3, request.dueAt());
            statement.setString(4, request.payload());
            return statement.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean cancel(String key) {
    return transactions.withConnection(
        "cancel timer",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(cancel)) {
            statement.setString(1, key);
            return statement.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<ScheduledTimer> claimDue(Instant now, int max, Duration lease) {
    if (now == null) {
      throw ValidationException.of("now", "must not be null");
    }
    if (max <= 0) {
      throw ValidationException.of("max", "must be positive, was " + max);
    }
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw ValidationException.of("lease", "must be positive");
    }
    return transactions.withConnection(
        "claim due timers",
        connection -> {
          List<ScheduledTimer> due = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(selectDue)) {
            Sql.setInstant(statement, 1, now);
            Sql.setInstant(statement, 2, now);
            statement.setInt(3, max);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                due.add(read(rows));
              }
            }
          }
          if (due.isEmpty()) {
            return due;
          }
          try (PreparedStatement statement = connection.prepareStatement(claim)) {
            for (ScheduledTimer timer : due) {
              Sql.setInstant(statement, 1, now.plus(lease));
              statement.setString(2, timer.key());
              statement.addBatch();
            }
            statement.executeBatch();
          }
          return due.stream()
              .map(
                  t ->
                      new ScheduledTimer(
                          t.key(),
                          t.kind(),
                          t.dueAt(),
                          t.payload(),
                          Status.CLAIMED,
                          t.attempts(),
                          t.lastError()))
              .toList();
        });
  }

  @Override
  public void complete(String key) {
    settle(
        "complete timer",
        key,
        connection -> {
          PreparedStatement statement = connection.prepareStatement(complete);
          statement.setString(1, key);
          return statement;
        });
  }

  @Override
  public void retryLater(String key, Instant dueAt, String error) {
    if (dueAt == null) {
      throw ValidationException.of("dueAt", "must not be null");
    }
    settle(
        "retry timer",
        key,
        connection -> {
          PreparedStatement statement = connection.prepareStatement(retryLater);
          Sql.setInstant(statement, 1, dueAt);
          statement.setString(2, truncate(error));
          statement.setString(3, key);
          return statement;
        });
  }

  @Override
  public void fail(String key, String error) {
    settle(
        "fail timer",
        key,
        connection -> {
          PreparedStatement statement = connection.prepareStatement(fail);
          statement.setString(1, truncate(error));
          statement.setString(2, key);
          return statement;
        });
  }

  @Override
  public Optional<ScheduledTimer> find(String key) {
    return transactions.withConnection("find timer", connection -> findIn(connection, key));
  }

  /** Runs an update guarded by {@code status = 'CLAIMED'}; no row changed means a typed error. */
  private void settle(String what, String key, SqlWork<PreparedStatement> prepare) {
    transactions.withConnection(
        what,
        connection -> {
          int changed;
          try (PreparedStatement statement = prepare.run(connection)) {
            changed = statement.executeUpdate();
          }
          if (changed == 0) {
            ScheduledTimer timer =
                findIn(connection, key).orElseThrow(() -> new NotFoundException("timer", key));
            throw new IllegalTransitionException("Timer", timer.status(), "settle");
          }
          return null;
        });
  }

  private Optional<ScheduledTimer> findIn(Connection connection, String key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(selectOne)) {
      statement.setString(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  private static ScheduledTimer read(ResultSet rows) throws SQLException {
    return new ScheduledTimer(
        rows.getString("timer_key"),
        rows.getString("kind"),
        Sql.getInstant(rows, "due_at"),
        rows.getString("payload"),
        Status.valueOf(rows.getString("status")),
        rows.getInt("attempts"),
        rows.getString("last_error"));
  }

  private static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }
}
