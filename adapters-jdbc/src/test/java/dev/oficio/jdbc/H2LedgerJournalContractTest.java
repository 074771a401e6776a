package dev.oficio.jdbc;

import dev.oficio.ledger.LedgerJournal;
import dev.oficio.ledger.LedgerJournalContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.AfterEach;

class H2LedgerJournalContractTest extends LedgerJournalContractTest {
  private OficioJdbc jdbc;

  @Override
  protected LedgerJournal newJournal() {
    jdbc = H2Databases.fresh();
    return jdbc.ledger();
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
