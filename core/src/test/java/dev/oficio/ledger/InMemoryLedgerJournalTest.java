package dev.oficio.ledger;

class InMemoryLedgerJournalTest extends LedgerJournalContractTest {
  @Override
  protected LedgerJournal newJournal() {
    return new InMemoryLedgerJournal();
  }
}
