package dev.oficio.jdbc;

import dev.oficio.persistence.Timers;
import dev.oficio.persistence.TimersContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgTimersContractIT extends TimersContractTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  protected Timers newTimers() {
    return PG.fresh().timers();
  }

  @Override
  protected TransactionRunner transactions() {
    return PG.jdbc().transactions();
  }
}
