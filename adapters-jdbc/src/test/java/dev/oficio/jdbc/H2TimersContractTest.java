package dev.oficio.jdbc;

import dev.oficio.persistence.Timers;
import dev.oficio.persistence.TimersContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.AfterEach;

class H2TimersContractTest extends TimersContractTest {
  private OficioJdbc jdbc;

  @Override
  protected Timers newTimers() {
    jdbc = H2Databases.fresh();
    return jdbc.timers();
  }

  @Override
  protected TransactionRunner transactions() {
    return jdbc.transactions();
  }

  @AfterEach
  void dropDatabase() {
    jdbc.close();
  }
}
