package dev.oficio.jdbc;

import dev.oficio.payments.Payments;
import dev.oficio.payments.PaymentsContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.AfterEach;

class H2PaymentsContractTest extends PaymentsContractTest {
  private OficioJdbc jdbc;

  @Override
  protected Payments newPayments() {
    jdbc = H2Databases.fresh();
    return jdbc.payments();
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
