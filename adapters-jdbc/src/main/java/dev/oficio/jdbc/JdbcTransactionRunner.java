package dev.oficio.jdbc;

import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.ValidationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TransactionRunner} over a host {@link DataSource}: the outermost call borrows one
 * connection, binds it to the calling thread, switches auto-commit off and commits when the work
 * returns or rolls back when it throws. Calls made inside it (nested units, repository methods)
 * join that connection. Repository methods called outside any unit run in a unit of their own.
 *
 * <p>A nested call that throws does not, by itself, doom the outer unit: an exception the caller
 * catches inside the unit is the caller's decision (as with the in-memory runner). Note that after
 * a failed SQL statement PostgreSQL refuses further statements until the unit rolls back.
 *
 * <p>Thread-safe: each thread has its own unit of work.
 */
final class JdbcTransactionRunner implements TransactionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactionRunner.class);

  private final DataSource dataSource;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  JdbcTransactionRunner(DataSource dataSource) {
    if (dataSource == null) {
      throw ValidationException.of("dataSource", "must not be null");
    }
    this.dataSource = dataSource;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (work == null) {
      throw ValidationException.of("work", "must not be null");
    }
    if (current.get() != null) {
      return work.get();
    }
    Connection connection = open();
    current.set(connection);
    try {
      T result = work.get();
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollback(connection, e);
      throw Sql.failure("commit", e);
    } catch (RuntimeException | Error e) {
      rollback(connection, e);
      throw e;
    } finally {
      current.remove();
      release(connection);
    }
  }

  /** Whether the calling thread is inside a unit of work of this runner. */
  boolean inUnitOfWork() {
    return current.get() != null;
  }

  /**
   * Runs {@code work} on the unit of work's connection, opening a unit when there is none. SQL
   * failures leave as {@link dev.oficio.shared.OficioException} naming {@code what}.
   */
  <T> T withConnection(String what, SqlWork<T> work) {
    return inTransaction(
        () -> {
          try {
            return work.run(current.get());
          } catch (SQLException e) {
            throw Sql.failure(what, e);
          }
        });
  }

  private Connection open() {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw Sql.failure("open a connection", e);
    }
    try {
      if (connection.getAutoCommit()) {
        connection.setAutoCommit(false);
      }
      return connection;
    } catch (SQLException e) {
      close(connection);
      throw Sql.failure("start a transaction", e);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
      LOG.warn("rollback failed (SQLState {}); the connection is discarded", e.getSQLState());
    }
  }

  private static void release(Connection connection) {
    try {
      // Pools hand the connection to code that expects the JDBC default.
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.warn("could not restore auto-commit (SQLState {})", e.getSQLState());
    }
    close(connection);
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("could not close a connection (SQLState {})", e.getSQLState());
    }
  }
}
