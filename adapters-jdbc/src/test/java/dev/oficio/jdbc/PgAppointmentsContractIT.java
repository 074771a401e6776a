package dev.oficio.jdbc;

import dev.oficio.deposits.Appointments;
import dev.oficio.deposits.AppointmentsContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgAppointmentsContractIT extends AppointmentsContractTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  protected Appointments newAppointments() {
    return PG.fresh().appointments();
  }

  @Override
  protected TransactionRunner transactions() {
    return PG.jdbc().transactions();
  }
}
