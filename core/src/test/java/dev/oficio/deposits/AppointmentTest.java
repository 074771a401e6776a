package dev.oficio.deposits;

import static dev.oficio.deposits.AppointmentFixture.SAN_JUAN;
import static dev.oficio.deposits.AppointmentFixture.USD;
import static dev.oficio.deposits.AppointmentFixture.anAppointment;
import static dev.oficio.deposits.AppointmentFixture.pr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.deposits.DepositEvent.AppointmentCancelled;
import dev.oficio.deposits.DepositEvent.DepositCaptured;
import dev.oficio.deposits.DepositEvent.DepositRefunded;
import dev.oficio.deposits.DepositEvent.ProStrikeRecorded;
import dev.oficio.deposits.DepositEvent.ProSuspensionTriggered;
import dev.oficio.shared.BusinessCalendar;
import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppointmentTest {
  private final DepositPolicy policy = DepositPolicy.builder(USD).build();
  private final NoShowPlaybook playbook = new NoShowPlaybook(policy, BusinessCalendar.puertoRico());

  @Test
  void lateCustomerCancellationCapturesTheFeeAndRefundsTheRest() {
    Appointment appointment = anAppointment().build();
    Appointment.Cancellation c = appointment.cancelByCustomer(pr("2027-03-01T12:00"), policy);
    // 22 hours of notice: 50% of $50.
    assertThat(c.fee()).isEqualTo(Money.of("25.00", USD));
    assertThat(c.settlement().proShare()).isEqualTo(Money.of("20.00", USD));
    assertThat(c.settlement().platformShare()).isEqualTo(Money.of("5.00", USD));
    assertThat(c.settlement().refund()).isEqualTo(Money.of("25.00", USD));
    assertThat(appointment.status()).isEqualTo(Appointment.Status.CANCELLED);
    assertThat(appointment.depositStatus()).isEqualTo(Appointment.DepositStatus.SETTLED);
    assertThat(appointment.pullEvents())
        .hasAtLeastOneElementOfType(AppointmentCancelled.class)
        .hasAtLeastOneElementOfType(DepositCaptured.class)
        .hasAtLeastOneElementOfType(DepositRefunded.class);
  }

  @Test
  void cancellingBeforeTheDepositIsTakenMovesNoMoney() {
    Appointment appointment = anAppointment().notSecured().build();
    Appointment.Cancellation c = appointment.cancelByCustomer(pr("2027-03-02T09:00"), policy);
    assertThat(c.fee()).isEqualTo(Money.zero(USD));
    assertThat(appointment.depositStatus()).isEqualTo(Appointment.DepositStatus.PENDING);
    assertThat(appointment.settlement()).isEmpty();
  }

  @Test
  void proCancellationRefundsEverythingAndChargesThePro() {
    Appointment appointment = anAppointment().build();
    Appointment.Cancellation c = appointment.cancelByPro(pr("2027-03-02T08:01"), policy);
    assertThat(c.fee()).isEqualTo(Money.of("40.00", USD));
    assertThat(c.settlement().refund()).isEqualTo(Money.of("50.00", USD));
  }

  @Test
  void freeRescheduleMovesTheSlotAndCountsIt() {
    Appointment appointment = anAppointment().build();
    Optional<Appointment.Cancellation> result =
        appointment.reschedule(
            pr("2027-03-05T10:00"), pr("2027-03-05T11:00"), pr("2027-02-28T10:00"), policy);
    assertThat(result).isEmpty();
    assertThat(appointment.slotStart()).isEqualTo(pr("2027-03-05T10:00"));
    assertThat(appointment.reschedules()).isEqualTo(1);
  }

  @Test
  void aLateRescheduleIsTreatedAsALateCancellation() {
    Appointment appointment = anAppointment().build();
    Optional<Appointment.Cancellation> result =
        appointment.reschedule(
            pr("2027-03-20T10:00"), pr("2027-03-20T11:00"), pr("2027-03-02T09:00"), policy);
    assertThat(result).isPresent();
    assertThat(result.get().fee()).isEqualTo(Money.of("50.00", USD));
    assertThat(appointment.status()).isEqualTo(Appointment.Status.CANCELLED);
    assertThat(appointment.slotStart()).isEqualTo(pr("2027-03-02T10:00"));
  }

  @Test
  void reschedulesAreLimited() {
    Appointment appointment = anAppointment().build();
    appointment.reschedule(
        pr("2027-03-05T10:00"), pr("2027-03-05T11:00"), pr("2027-02-21T10:00"), policy);
    appointment.reschedule(
        pr("2027-03-09T10:00"), pr("2027-03-09T11:00"), pr("2027-02-22T10:00"), policy);
    assertThatThrownBy(
            () ->
                appointment.reschedule(
                    pr("2027-03-12T10:00"), pr("2027-03-12T11:00"), pr("2027-02-23T10:00"), policy))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 2 reschedules");
  }

  @Test
  void aDepositSettlesExactlyOnce() {
    Appointment appointment = anAppointment().build();
    Adjudication noShow =
        playbook.adjudicate(appointment, pr("2027-03-02T10:31"), Optional.empty());
    appointment.adjudicate(noShow, 1, null, policy, pr("2027-03-02T10:31"));
    assertThatThrownBy(
            () -> appointment.adjudicate(noShow, 1, null, policy, pr("2027-03-02T10:32")))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> appointment.cancelByCustomer(pr("2027-03-02T10:33"), policy))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> appointment.checkIn(pr("2027-03-02T10:33"), SAN_JUAN))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aSecondStrikeWithinTheWindowTriggersSuspension() {
    Appointment first = anAppointment().build();
    Adjudication noShow = playbook.adjudicate(first, pr("2027-03-02T10:31"), Optional.empty());
    first.adjudicate(noShow, 1, null, policy, pr("2027-03-02T10:31"));
    assertThat(first.pullEvents())
        .hasAtLeastOneElementOfType(ProStrikeRecorded.class)
        .noneMatch(ProSuspensionTriggered.class::isInstance);

    Appointment second = anAppointment().build();
    second.adjudicate(
        playbook.adjudicate(second, pr("2027-03-02T10:31"), Optional.empty()),
        2,
        null,
        policy,
        pr("2027-03-02T10:31"));
    assertThat(second.pullEvents()).hasAtLeastOneElementOfType(ProSuspensionTriggered.class);
  }

  @Test
  void onceTheVisitHasStartedOnlyThePlaybookDecides() {
    Appointment appointment = anAppointment().build();
    assertThatThrownBy(() -> appointment.cancelByCustomer(pr("2027-03-02T10:00"), policy))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no-show playbook");
    assertThatThrownBy(() -> appointment.cancelByPro(pr("2027-03-02T10:05"), policy))
        .isInstanceOf(ValidationException.class);
    assertThat(appointment.status()).isEqualTo(Appointment.Status.BOOKED);
  }

  @Test
  void aSnapshotRestoresTheSameState() {
    Appointment appointment = anAppointment().build();
    appointment.checkIn(pr("2027-03-02T09:58"), SAN_JUAN);
    appointment.contactAttempt(
        new ContactAttempt(ContactAttempt.Channel.CALL, pr("2027-03-02T10:01")));
    Adjudication decision =
        playbook.adjudicate(appointment, pr("2027-03-02T10:45"), Optional.empty());
    appointment.adjudicate(decision, 0, null, policy, pr("2027-03-02T10:45"));

    Appointment restored = Appointment.restore(appointment.snapshot(), 7);
    assertThat(restored.snapshot()).isEqualTo(appointment.snapshot());
    assertThat(restored.version()).isEqualTo(7);
    assertThat(restored.status()).isEqualTo(Appointment.Status.UNDER_REVIEW);
    assertThat(restored.pullEvents()).isEmpty();
  }

  @Test
  void checkOutNeedsACheckIn() {
    Appointment appointment = anAppointment().build();
    assertThatThrownBy(() -> appointment.checkOut(pr("2027-03-02T10:30")))
        .isInstanceOf(IllegalTransitionException.class);
    appointment.checkIn(pr("2027-03-02T10:00"), SAN_JUAN);
    assertThatThrownBy(() -> appointment.checkIn(pr("2027-03-02T10:01"), SAN_JUAN))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> appointment.checkOut(pr("2027-03-02T09:59")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void bookingRejectsBadInput() {
    assertThatThrownBy(() -> anAppointment().withDeposit("0.00").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("deposit");
    assertThatThrownBy(() -> anAppointment().bookedAt(pr("2027-03-02T10:00")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bookedAt");
  }
}
