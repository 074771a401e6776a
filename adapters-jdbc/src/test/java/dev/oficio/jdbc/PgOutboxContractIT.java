package dev.oficio.jdbc;

import dev.oficio.persistence.Outbox;
import dev.oficio.persistence.OutboxContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgOutboxContractIT extends OutboxContractTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  protected Outbox newOutbox() {
    return PG.fresh().outbox();
  }

  @Override
  protected TransactionRunner transactions() {
    return PG.jdbc().transactions();
  }
}
