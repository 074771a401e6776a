package dev.oficio.jdbc;

import dev.oficio.payments.PayeeAccounts;
import dev.oficio.payments.PayeeAccountsContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.AfterEach;

class H2PayeeAccountsContractTest extends PayeeAccountsContractTest {
  private OficioJdbc jdbc;

  @Override
  protected PayeeAccounts newAccounts() {
    jdbc = H2Databases.fresh();
    return jdbc.payeeAccounts();
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
