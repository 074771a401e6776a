package dev.oficio.deposits;

import static dev.oficio.deposits.AppointmentFixture.SAN_JUAN;
import static dev.oficio.deposits.AppointmentFixture.USD;
import static dev.oficio.deposits.AppointmentFixture.pr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.BusinessCalendar;
import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every {@link Appointments} repository meets (published in core's test-jar). */
public abstract class AppointmentsContractTest {
  private final DepositPolicy policy = DepositPolicy.builder(USD).build();
  private final NoShowPlaybook playbook = new NoShowPlaybook(policy, BusinessCalendar.puertoRico());
  private Appointments appointments;

  /** For subclasses that bind the contract to an implementation. */
  protected AppointmentsContractTest() {}

  /** A new, empty repository. */
  protected abstract Appointments newAppointments();

  /** The unit-of-work runner the repository needs; in-memory by default. */
  protected TransactionRunner transactions() {
    return TransactionRunner.inMemory();
  }

  @BeforeEach
  void createRepository() {
    appointments = newAppointments();
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().inTransaction(work);
  }

  private static Appointment booked(String id, String pro, Instant start) {
    Appointment a =
        Appointment.book(
            AppointmentId.of(id),
            CustomerId.of("c-1"),
            ProId.of(pro),
            "electrical",
            start,
            start.plus(Duration.ofHours(1)),
            SAN_JUAN,
            Money.of("50.00", USD),
            start.minus(Duration.ofDays(5)));
    a.linkPayment(PaymentId.of("pay-" + id));
    a.depositSecured(true, start.minus(Duration.ofDays(5)));
    a.pullEvents();
    return a;
  }

  @Test
  void savesAndFindsTheWholeState() {
    Appointment a = booked("apt-1", "p-17", pr("2027-03-02T10:00"));
    a.checkIn(pr("2027-03-02T09:58"), SAN_JUAN);
    a.contactAttempt(new ContactAttempt(ContactAttempt.Channel.CALL, pr("2027-03-02T10:02")));
    transactions().run(() -> appointments.save(a));
    assertThat(a.version()).isEqualTo(1);

    Appointment found = tx(() -> appointments.find(AppointmentId.of("apt-1"))).orElseThrow();
    assertThat(found.snapshot()).isEqualTo(a.snapshot());
    assertThat(found.version()).isEqualTo(1);
    assertThat(tx(() -> appointments.find(AppointmentId.of("apt-missing")))).isEmpty();
  }

  @Test
  void keepsDecisionsAndSettlements() {
    Appointment a = booked("apt-2", "p-17", pr("2027-03-02T10:00"));
    Adjudication decision = playbook.adjudicate(a, pr("2027-03-02T10:31"), Optional.empty());
    a.adjudicate(decision, 1, null, policy, pr("2027-03-02T10:31"));
    transactions().run(() -> appointments.save(a));
    Appointment found = tx(() -> appointments.find(a.id())).orElseThrow();
    assertThat(found.adjudication()).contains(decision);
    assertThat(found.settlement()).isEqualTo(a.settlement());
    assertThat(found.depositStatus()).isEqualTo(Appointment.DepositStatus.SETTLED);
  }

  @Test
  void aStaleWriteIsAConcurrencyException() {
    Appointment a = booked("apt-3", "p-17", pr("2027-03-02T10:00"));
    transactions().run(() -> appointments.save(a));
    Appointment first = tx(() -> appointments.find(a.id())).orElseThrow();
    Appointment second = tx(() -> appointments.find(a.id())).orElseThrow();
    first.customerConfirms(pr("2027-03-02T10:30"));
    transactions().run(() -> appointments.save(first));
    second.checkIn(pr("2027-03-02T10:00"), SAN_JUAN);
    assertThatThrownBy(() -> transactions().run(() -> appointments.save(second)))
        .isInstanceOf(ConcurrencyException.class);
    assertThat(tx(() -> appointments.find(a.id())).orElseThrow().attendance().proCheckIn())
        .isNull();
  }

  @Test
  void findsAProsNoShowsSinceAnInstant() {
    // Pros of their own: implementations may share one store between the tests of a class.
    Appointment old = booked("apt-old", "p-strikes", pr("2027-01-05T10:00"));
    Appointment recent = booked("apt-new", "p-strikes", pr("2027-03-02T10:00"));
    Appointment other = booked("apt-other", "p-other", pr("2027-03-02T10:00"));
    for (Appointment a : new Appointment[] {old, recent, other}) {
      Instant at = a.slotStart().plus(Duration.ofMinutes(31));
      a.adjudicate(playbook.adjudicate(a, at, Optional.empty()), 1, null, policy, at);
      transactions().run(() -> appointments.save(a));
    }
    assertThat(
            tx(() -> appointments.proNoShowsSince(ProId.of("p-strikes"), pr("2027-02-01T00:00"))))
        .extracting(Appointment::id)
        .containsExactly(AppointmentId.of("apt-new"));
  }
}
