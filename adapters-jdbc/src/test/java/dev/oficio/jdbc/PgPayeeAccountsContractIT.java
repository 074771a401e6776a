package dev.oficio.jdbc;

import dev.oficio.payments.PayeeAccounts;
import dev.oficio.payments.PayeeAccountsContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgPayeeAccountsContractIT extends PayeeAccountsContractTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  protected PayeeAccounts newAccounts() {
    return PG.fresh().payeeAccounts();
  }

  @Override
  protected TransactionRunner transactions() {
    return PG.jdbc().transactions();
  }
}
