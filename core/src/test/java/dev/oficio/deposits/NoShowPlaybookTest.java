package dev.oficio.deposits;

import static dev.oficio.deposits.AppointmentFixture.SAN_JUAN;
import static dev.oficio.deposits.AppointmentFixture.USD;
import static dev.oficio.deposits.AppointmentFixture.anAppointment;
import static dev.oficio.deposits.AppointmentFixture.pr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.deposits.ContactAttempt.Channel;
import dev.oficio.shared.BusinessCalendar;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoShowPlaybookTest {
  private final DepositPolicy policy = DepositPolicy.builder(USD).build();
  private final NoShowPlaybook playbook = new NoShowPlaybook(policy, BusinessCalendar.puertoRico());
  private final Appointment appointment = anAppointment().build();

  private Adjudication decideAt(String local) {
    return playbook.adjudicate(appointment, pr(local), Optional.empty());
  }

  private void proWaitsAndCalls(String checkIn, int attempts, String checkOut) {
    appointment.checkIn(pr(checkIn), SAN_JUAN);
    for (int i = 0; i < attempts; i++) {
      appointment.contactAttempt(
          new ContactAttempt(
              i % 2 == 0 ? Channel.CALL : Channel.TEXT, pr(checkIn).plusSeconds(60L * (i + 1))));
    }
    appointment.checkOut(pr(checkOut));
  }

  @Test
  void customerNoShowKeepsTheDepositSplitEightyTwenty() {
    proWaitsAndCalls("2027-03-02T09:58", 2, "2027-03-02T10:31");
    Adjudication decision = decideAt("2027-03-02T10:31");
    assertThat(decision.party()).isEqualTo(Party.CUSTOMER_NO_SHOW);
    assertThat(decision.rule()).isEqualTo("customer-no-show");
    assertThat(decision.settlement().proShare()).isEqualTo(Money.of("40.00", USD));
    assertThat(decision.settlement().platformShare()).isEqualTo(Money.of("10.00", USD));
    assertThat(decision.settlement().refund()).isEqualTo(Money.zero(USD));
    assertThat(decision.evidence())
        .extracting(Evidence::name)
        .contains("proCheckIn", "contactAttempts", "waitedMinutes");
    assertThat(decision.explanation()).contains("2 times").contains("31 minutes");
  }

  @Test
  void waitingOneMinuteTooLittleNeedsReview() {
    proWaitsAndCalls("2027-03-02T10:00", 2, "2027-03-02T10:29");
    Adjudication decision = decideAt("2027-03-02T10:45");
    assertThat(decision.party()).isEqualTo(Party.NEEDS_REVIEW);
    assertThat(decision.rule()).isEqualTo("review.missing-evidence");
    assertThat(decision.explanation()).contains("waited 29 of 30 minutes");
  }

  @Test
  void tooFewContactAttemptsNeedsReviewWithAnSlaInBusinessHours() {
    proWaitsAndCalls("2027-03-02T10:00", 1, "2027-03-02T10:40");
    Adjudication decision = decideAt("2027-03-02T10:45");
    assertThat(decision.party()).isEqualTo(Party.NEEDS_REVIEW);
    assertThat(decision.explanation()).contains("only 1 of 2 contact attempts");
    assertThat(decision.settlement()).isNull();
    // 10:45 Tuesday + 8 business hours (08:00–17:00): 6h15 on Tuesday, 1h45 on Wednesday.
    assertThat(decision.reviewDeadline()).isEqualTo(pr("2027-03-03T09:45"));
  }

  @Test
  void noCheckInIsAProNoShowWithRefundAndCredit() {
    Adjudication decision = decideAt("2027-03-02T10:31");
    assertThat(decision.party()).isEqualTo(Party.PRO_NO_SHOW);
    assertThat(decision.rule()).isEqualTo("pro-no-show.no-check-in");
    assertThat(decision.settlement().refund()).isEqualTo(Money.of("50.00", USD));
    assertThat(decision.settlement().customerCredit()).isEqualTo(Money.of("10.00", USD));
    assertThat(decision.settlement().captured()).isEqualTo(Money.zero(USD));
  }

  @Test
  void arrivingMoreThanThirtyMinutesLateIsAProNoShow() {
    appointment.checkIn(pr("2027-03-02T10:31"), SAN_JUAN);
    appointment.customerConfirms(pr("2027-03-02T10:40"));
    Adjudication decision = decideAt("2027-03-02T11:00");
    assertThat(decision.party()).isEqualTo(Party.PRO_NO_SHOW);
    assertThat(decision.rule()).isEqualTo("pro-no-show.late-arrival");
    assertThat(decision.explanation()).contains("31 minutes late");
  }

  @Test
  void arrivingExactlyThirtyMinutesLateIsNotANoShow() {
    appointment.checkIn(pr("2027-03-02T10:30"), SAN_JUAN);
    appointment.customerConfirms(pr("2027-03-02T10:40"));
    assertThat(decideAt("2027-03-02T11:00").party()).isEqualTo(Party.BOTH_ATTENDED);
  }

  @Test
  void aLateProCannotClaimACustomerNoShow() {
    proWaitsAndCalls("2027-03-02T10:11", 3, "2027-03-02T10:50");
    Adjudication decision = decideAt("2027-03-02T10:50");
    assertThat(decision.party()).isEqualTo(Party.NEEDS_REVIEW);
    assertThat(decision.explanation()).contains("11 minutes late");
  }

  @Test
  void bothAttendedWithAFollowUpJobAppliesTheDeposit() {
    appointment.checkIn(pr("2027-03-02T09:55"), SAN_JUAN);
    appointment.customerConfirms(pr("2027-03-02T10:30"));
    FollowUpJob job = new FollowUpJob(JobId.of("job-9"), pr("2027-03-02T11:00"));
    Adjudication decision =
        playbook.adjudicate(appointment, pr("2027-03-02T11:00"), Optional.of(job));
    assertThat(decision.party()).isEqualTo(Party.BOTH_ATTENDED);
    assertThat(decision.settlement().applied()).isEqualTo(Money.of("50.00", USD));
  }

  @Test
  void bothAttendedWithoutAJobWaitsForTheCreditWindowThenRefunds() {
    appointment.checkIn(pr("2027-03-02T09:55"), SAN_JUAN);
    appointment.customerConfirms(pr("2027-03-02T10:30"));
    Adjudication decision = decideAt("2027-03-02T11:00");
    assertThat(decision.settlement()).isNull();
    // Slot ends 11:00; the credit window is 14 days.
    assertThat(decision.creditWindowEnds()).isEqualTo(pr("2027-03-16T11:00"));
    appointment.adjudicate(decision, 0, null, policy, pr("2027-03-02T11:00"));
    assertThat(appointment.status()).isEqualTo(Appointment.Status.AWAITING_FOLLOW_UP);

    FollowUpJob late = new FollowUpJob(JobId.of("job-9"), pr("2027-03-16T11:01"));
    DepositSettlement settlement = playbook.settleCreditWindow(appointment, Optional.of(late));
    assertThat(settlement.refund()).isEqualTo(Money.of("50.00", USD));
    FollowUpJob onTime = new FollowUpJob(JobId.of("job-9"), pr("2027-03-16T11:00"));
    assertThat(playbook.settleCreditWindow(appointment, Optional.of(onTime)).applied())
        .isEqualTo(Money.of("50.00", USD));
  }

  @Test
  void aCheckInFarFromTheLocationIsConflictingEvidence() {
    appointment.checkIn(pr("2027-03-02T09:58"), new GeoPoint(18.0111, -66.6141)); // Ponce
    Adjudication decision = decideAt("2027-03-02T10:45");
    assertThat(decision.party()).isEqualTo(Party.NEEDS_REVIEW);
    assertThat(decision.rule()).isEqualTo("review.check-in-outside-geofence");
  }

  @Test
  void aCustomerConfirmationWithoutCheckInIsConflictingEvidence() {
    appointment.customerConfirms(pr("2027-03-02T10:30"));
    assertThat(decideAt("2027-03-02T10:45").rule())
        .isEqualTo("review.customer-confirmed-without-check-in");
  }

  @Test
  void refusesToDecideBeforeTheEvidenceCanExist() {
    assertThatThrownBy(() -> decideAt("2027-03-02T10:29"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("too early");
  }

  @Test
  void anOperatorDecisionIsRecordedWithItsReasonCode() {
    proWaitsAndCalls("2027-03-02T10:00", 1, "2027-03-02T10:40");
    Adjudication review = decideAt("2027-03-02T10:45");
    appointment.adjudicate(review, 0, null, policy, pr("2027-03-02T10:45"));
    assertThat(appointment.status()).isEqualTo(Appointment.Status.UNDER_REVIEW);

    Adjudication decided =
        playbook.decideByOperator(
            appointment, Party.CUSTOMER_NO_SHOW, "CALL_LOGS_VERIFIED", "ops-ana", Optional.empty());
    assertThat(decided.rule()).isEqualTo("operator:CALL_LOGS_VERIFIED");
    assertThat(decided.evidence())
        .extracting(Evidence::name)
        .contains("proCheckIn", "operator", "reasonCode");
    appointment.adjudicate(decided, 0, null, policy, pr("2027-03-03T09:00"));
    assertThat(appointment.status()).isEqualTo(Appointment.Status.ADJUDICATED);
    assertThat(appointment.settlement().orElseThrow().captured()).isEqualTo(Money.of("50.00", USD));
    assertThatThrownBy(
            () ->
                playbook.decideByOperator(
                    appointment, Party.NEEDS_REVIEW, "X", "ops-ana", Optional.empty()))
        .isInstanceOf(ValidationException.class);
  }
}
