package dev.oficio.payments;

class InMemoryPaymentsTest extends PaymentsContractTest {
  @Override
  protected Payments newPayments() {
    return new InMemoryPayments();
  }
}
