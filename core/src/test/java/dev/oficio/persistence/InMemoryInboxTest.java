package dev.oficio.persistence;

class InMemoryInboxTest extends InboxContractTest {
  @Override
  protected Inbox newInbox() {
    return new InMemoryInbox();
  }
}
