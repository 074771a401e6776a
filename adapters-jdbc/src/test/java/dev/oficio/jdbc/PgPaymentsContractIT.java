package dev.oficio.jdbc;

import dev.oficio.payments.Payments;
import dev.oficio.payments.PaymentsContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgPaymentsContractIT extends PaymentsContractTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  protected Payments newPayments() {
    return PG.fresh().payments();
  }

  @Override
  protected TransactionRunner transactions() {
    return PG.jdbc().transactions();
  }
}
