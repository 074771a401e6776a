package dev.oficio.jdbc;

import dev.oficio.ledger.LedgerJournal;
import dev.oficio.ledger.LedgerJournalContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgLedgerJournalContractIT extends LedgerJournalContractTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  protected LedgerJournal newJournal() {
    return PG.fresh().ledger();
  }

  @Override
  protected TransactionRunner transactions() {
    return PG.jdbc().transactions();
  }
}
