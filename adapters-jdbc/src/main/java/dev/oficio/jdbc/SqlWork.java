package dev.oficio.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of JDBC work on the unit of work's connection. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
