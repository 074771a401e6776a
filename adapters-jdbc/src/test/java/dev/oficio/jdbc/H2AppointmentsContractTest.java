package dev.oficio.jdbc;

import dev.oficio.deposits.Appointments;
import dev.oficio.deposits.AppointmentsContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.AfterEach;

class H2AppointmentsContractTest extends AppointmentsContractTest {
  private OficioJdbc jdbc;

  @Override
  protected Appointments newAppointments() {
    jdbc = H2Databases.fresh();
    return jdbc.appointments();
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
