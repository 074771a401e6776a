package dev.oficio.persistence;

class InMemoryOutboxTest extends OutboxContractTest {
  @Override
  protected Outbox newOutbox() {
    return new InMemoryOutbox();
  }
}
