package dev.oficio.jdbc;

import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/** Fresh, migrated in-memory H2 databases for tests; each lives until its OficioJdbc is closed. */
final class H2Databases {
  private H2Databases() {}

  /** A new empty database in the default schema. */
  static OficioJdbc fresh() {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(OficioJdbc.h2Url("mem:" + UUID.randomUUID()), "sa", "");
    // The pool keeps the in-memory database alive between units of work; disposing drops it.
    return OficioJdbc.builder(pool).closeWith(pool::dispose).build();
  }
}
