package dev.oficio.jdbc;

import dev.oficio.persistence.Inbox;
import dev.oficio.persistence.InboxContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.AfterEach;

class H2InboxContractTest extends InboxContractTest {
  private OficioJdbc jdbc;

  @Override
  protected Inbox newInbox() {
    jdbc = H2Databases.fresh();
    return jdbc.inbox();
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
