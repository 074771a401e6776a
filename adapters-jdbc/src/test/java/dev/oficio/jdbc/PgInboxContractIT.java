package dev.oficio.jdbc;

import dev.oficio.persistence.Inbox;
import dev.oficio.persistence.InboxContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgInboxContractIT extends InboxContractTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  protected Inbox newInbox() {
    return PG.fresh().inbox();
  }

  @Override
  protected TransactionRunner transactions() {
    return PG.jdbc().transactions();
  }
}
