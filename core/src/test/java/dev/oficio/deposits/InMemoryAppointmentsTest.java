package dev.oficio.deposits;

class InMemoryAppointmentsTest extends AppointmentsContractTest {
  @Override
  protected Appointments newAppointments() {
    return new InMemoryAppointments();
  }
}
