package dev.oficio.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One physical connection handed out again and again, standing in for a connection pool in a
 * single-threaded measurement: {@code close()} on the handed-out connection does nothing, so the
 * benchmark measures statements and commits, not TCP and authentication.
 */
final class SingleConnectionDataSource implements DataSource, AutoCloseable {
  private final Connection physical;
  private final Connection shared;
  private final AtomicLong statements = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();

  SingleConnectionDataSource(Connection physical) {
    this.physical = physical;
    this.shared =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  if (method.getName().startsWith("prepare")
                      || method.getName().equals("createStatement")) {
                    statements.incrementAndGet();
                  } else if (method.getName().equals("commit")) {
                    commits.incrementAndGet();
                  }
                  try {
                    return method.invoke(physical, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  /** Statements prepared (or created) so far: each is executed once, alone or as one batch. */
  long statements() {
    return statements.get();
  }

  /** Commits so far. */
  long commits() {
    return commits.get();
  }

  @Override
  public Connection getConnection() {
    return shared;
  }

  @Override
  public Connection getConnection(String username, String password) {
    return shared;
  }

  @Override
  public void close() throws SQLException {
    physical.close();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
