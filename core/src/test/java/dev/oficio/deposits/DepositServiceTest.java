package dev.oficio.deposits;

import static dev.oficio.deposits.AppointmentFixture.SAN_JUAN;
import static dev.oficio.deposits.AppointmentFixture.USD;
import static dev.oficio.deposits.AppointmentFixture.pr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.Oficio;
import dev.oficio.deposits.ContactAttempt.Channel;
import dev.oficio.deposits.DepositEvent.ProStrikeRecorded;
import dev.oficio.deposits.DepositEvent.ProSuspensionTriggered;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.payments.simulated.SimulatedFault;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.payments.simulated.SimulatedRecords;
import dev.oficio.persistence.InMemoryOutbox;
import dev.oficio.persistence.OutboxMessage;
import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DepositServiceTest {
  private final MutableClock clock = new MutableClock(pr("2027-03-01T09:00"));
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private SimulatedGateway gateway;
  private Oficio oficio;

  private void start(SimulatedProfile profile) {
    gateway = SimulatedGateway.of(profile, clock);
    oficio =
        Oficio.builder()
            .clock(clock)
            .ids(IdGenerator.sequential())
            .outbox(outbox)
            .paymentGateway(gateway)
            .build();
  }

  private Appointment book(String start) {
    Instant slot = pr(start);
    return oficio
        .deposits()
        .book(
            new BookVisit(
                CustomerId.of("c-1"),
                ProId.of("p-17"),
                "electrical",
                slot,
                slot.plus(Duration.ofHours(1)),
                SAN_JUAN,
                Money.of("50.00", USD),
                "pm_card_visa"));
  }

  private void at(String local) {
    clock.set(pr(local));
  }

  private Money balance(Account account) {
    return oficio.ledger().balance(account, USD);
  }

  private SimulatedRecords provider(Appointment a) {
    return gateway.records(a.payment().orElseThrow());
  }

  @Test
  void customerNoShowCapturesTheHeldDepositAndSplitsIt() {
    start(SimulatedProfile.STRIPE_LIKE);
    Appointment a = book("2027-03-02T10:00");
    assertThat(a.depositStatus()).isEqualTo(Appointment.DepositStatus.SECURED);
    assertThat(a.depositHeld()).isTrue();
    AppointmentId id = a.id();

    at("2027-03-02T09:58");
    oficio.deposits().checkIn(id, SAN_JUAN);
    at("2027-03-02T10:03");
    oficio.deposits().contactAttempt(id, Channel.CALL);
    at("2027-03-02T10:10");
    oficio.deposits().contactAttempt(id, Channel.TEXT);
    at("2027-03-02T10:32");
    oficio.deposits().checkOut(id);
    Adjudication decision = oficio.deposits().adjudicate(id, Optional.empty());

    assertThat(decision.party()).isEqualTo(Party.CUSTOMER_NO_SHOW);
    // The provider's own books: exactly one capture of the whole deposit.
    assertThat(provider(a).moneyTakenCount()).isEqualTo(1);
    assertThat(provider(a).taken()).isEqualTo(Money.of("50.00", USD));
    assertThat(balance(Account.proPayable(ProId.of("p-17")))).isEqualTo(Money.of("-40.00", USD));
    assertThat(balance(Account.of(AccountType.PLATFORM_REVENUE)))
        .isEqualTo(Money.of("-10.00", USD));
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
  }

  @Test
  void aHoldIsTakenByTimerOnlyWithinTheGatewaysHoldWindow() {
    start(SimulatedProfile.STRIPE_LIKE);
    Appointment a = book("2027-03-20T10:00");
    assertThat(a.depositStatus()).isEqualTo(Appointment.DepositStatus.PENDING);
    assertThat(gateway.records(a.payment().orElseThrow()).taken()).isEqualTo(Money.zero(USD));

    // Hold lasts 7 days and must cover the slot's end plus a day for the decision:
    // 2027-03-20 11:00 + 24 h − 7 days = 2027-03-14 11:00.
    at("2027-03-14T10:59");
    oficio.timers().runDue();
    assertThat(oficio.deposits().get(a.id()).depositStatus())
        .isEqualTo(Appointment.DepositStatus.PENDING);
    at("2027-03-14T11:00");
    oficio.timers().runDue();
    assertThat(oficio.deposits().get(a.id()).depositStatus())
        .isEqualTo(Appointment.DepositStatus.SECURED);
  }

  @Test
  void aChargedDepositWaitsInDepositsHeldAndAProNoShowRefundsItWithACredit() {
    start(SimulatedProfile.ATH_LIKE);
    Appointment a = book("2027-03-02T10:00");
    assertThat(a.depositHeld()).isFalse();
    assertThat(balance(Account.of(AccountType.DEPOSITS_HELD))).isEqualTo(Money.of("-50.00", USD));

    at("2027-03-02T10:31");
    Adjudication decision = oficio.deposits().adjudicate(a.id(), Optional.empty());

    assertThat(decision.party()).isEqualTo(Party.PRO_NO_SHOW);
    assertThat(provider(a).refunded()).isEqualTo(Money.of("50.00", USD));
    assertThat(balance(Account.of(AccountType.DEPOSITS_HELD))).isEqualTo(Money.zero(USD));
    assertThat(balance(Account.of(AccountType.CUSTOMER_FUNDS_HELD))).isEqualTo(Money.zero(USD));
    assertThat(balance(Account.of(AccountType.PROMO_CREDIT_LIABILITY)))
        .isEqualTo(Money.of("-10.00", USD));
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
    assertThat(outbox.history())
        .extracting(OutboxMessage::event)
        .hasAtLeastOneElementOfType(ProStrikeRecorded.class);
  }

  @Test
  void aLateCancellationCapturesOnlyTheFeeFromTheHold() {
    start(SimulatedProfile.STRIPE_LIKE);
    Appointment a = book("2027-03-02T10:00");
    at("2027-03-02T07:00");
    Appointment.Cancellation c = oficio.deposits().cancelByCustomer(a.id());
    // Three hours of notice: 50% of $50.
    assertThat(c.fee()).isEqualTo(Money.of("25.00", USD));
    assertThat(provider(a).taken()).isEqualTo(Money.of("25.00", USD));
    assertThat(balance(Account.proPayable(ProId.of("p-17")))).isEqualTo(Money.of("-20.00", USD));
    assertThat(balance(Account.of(AccountType.PLATFORM_REVENUE))).isEqualTo(Money.of("-5.00", USD));
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
  }

  @Test
  void aTimeoutAfterTheProviderAppliedIsSettledByTheJanitorWithoutASecondCapture() {
    start(SimulatedProfile.STRIPE_LIKE);
    Appointment a = book("2027-03-02T10:00");
    at("2027-03-02T10:31");
    gateway.failNext(SimulatedFault.TIMEOUT_AFTER_APPLY);
    oficio.deposits().adjudicate(a.id(), Optional.empty()); // pro no-show: void the hold
    // The void's result is unknown; the decision is recorded and the settle timer stays.
    clock.advance(Duration.ofHours(1));
    oficio.payments().janitor().run();
    oficio.timers().runDue();
    assertThat(provider(a).moneyTakenCount()).isZero();
    assertThat(oficio.deposits().get(a.id()).depositStatus())
        .isEqualTo(Appointment.DepositStatus.SETTLED);
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
  }

  @Test
  void aSecondNoShowWithinTwentyEightDaysTriggersSuspension() {
    start(SimulatedProfile.STRIPE_LIKE);
    Appointment first = book("2027-03-02T10:00");
    at("2027-03-02T10:31");
    oficio.deposits().adjudicate(first.id(), Optional.empty());
    at("2027-03-05T09:00");
    Appointment second = book("2027-03-10T10:00");
    at("2027-03-10T10:31");
    oficio.deposits().adjudicate(second.id(), Optional.empty());
    assertThat(outbox.history())
        .extracting(OutboxMessage::event)
        .filteredOn(ProSuspensionTriggered.class::isInstance)
        .singleElement()
        .satisfies(e -> assertThat(((ProSuspensionTriggered) e).strikesInWindow()).isEqualTo(2));
  }

  @Test
  void bothAttendedCreditsTheDepositToAFollowUpJob() {
    start(SimulatedProfile.ATH_LIKE);
    Appointment a = book("2027-03-02T10:00");
    at("2027-03-02T09:55");
    oficio.deposits().checkIn(a.id(), SAN_JUAN);
    at("2027-03-02T10:40");
    oficio.deposits().customerConfirms(a.id());
    at("2027-03-02T11:00");
    Adjudication decision = oficio.deposits().adjudicate(a.id(), Optional.empty());
    assertThat(decision.creditWindowEnds()).isNotNull();
    at("2027-03-05T12:00");
    Appointment done = oficio.deposits().followUpJobBooked(a.id(), JobId.of("job-77"));
    assertThat(done.appliedTo()).contains(JobId.of("job-77"));
    // The money stays taken, now as the customer's funds for the job.
    assertThat(provider(a).refunded()).isEqualTo(Money.zero(USD));
    assertThat(balance(Account.of(AccountType.DEPOSITS_HELD))).isEqualTo(Money.zero(USD));
    assertThat(balance(Account.of(AccountType.CUSTOMER_FUNDS_HELD)))
        .isEqualTo(Money.of("-50.00", USD));
  }

  @Test
  void theCreditWindowEndingWithoutAJobRefunds() {
    start(SimulatedProfile.ATH_LIKE);
    Appointment a = book("2027-03-02T10:00");
    at("2027-03-02T09:55");
    oficio.deposits().checkIn(a.id(), SAN_JUAN);
    oficio.deposits().customerConfirms(a.id());
    at("2027-03-02T11:00");
    oficio.deposits().adjudicate(a.id(), Optional.empty());
    at("2027-03-16T11:00");
    oficio.timers().runDue();
    assertThat(provider(a).refunded()).isEqualTo(Money.of("50.00", USD));
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
  }
}
