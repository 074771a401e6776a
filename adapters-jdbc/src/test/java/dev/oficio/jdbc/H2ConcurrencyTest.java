package dev.oficio.jdbc;

import org.junit.jupiter.api.AfterEach;

class H2ConcurrencyTest extends ConcurrencyContract {
  private OficioJdbc jdbc;

  @Override
  OficioJdbc freshDatabase() {
    jdbc = H2Databases.fresh();
    return jdbc;
  }

  @Override
  OficioJdbc anotherInstance() {
    return OficioJdbc.builder(jdbc.dataSource()).migrate(false).build();
  }

  @AfterEach
  void dropDatabase() {
    jdbc.close();
  }
}
