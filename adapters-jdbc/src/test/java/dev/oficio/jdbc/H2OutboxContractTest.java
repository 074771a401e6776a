package dev.oficio.jdbc;

import dev.oficio.persistence.Outbox;
import dev.oficio.persistence.OutboxContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.AfterEach;

class H2OutboxContractTest extends OutboxContractTest {
  private OficioJdbc jdbc;

  @Override
  protected Outbox newOutbox() {
    jdbc = H2Databases.fresh();
    return jdbc.outbox();
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
