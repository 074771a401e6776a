package dev.oficio.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PgConcurrencyIT extends ConcurrencyContract {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  OficioJdbc freshDatabase() {
    return PG.fresh();
  }

  @Override
  OficioJdbc anotherInstance() {
    return PG.anotherInstance();
  }
}
