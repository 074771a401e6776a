package dev.oficio.jdbc;

import org.junit.jupiter.api.AfterEach;

class H2UnitOfWorkTest extends UnitOfWorkContract {
  private OficioJdbc jdbc;

  @Override
  OficioJdbc freshDatabase() {
    jdbc = H2Databases.fresh();
    return jdbc;
  }

  @AfterEach
  void dropDatabase() {
    jdbc.close();
  }
}
