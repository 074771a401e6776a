package dev.oficio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.jobs.Job;
import dev.oficio.jobs.JobStatus;
import dev.oficio.jobs.QuoteJob;
import dev.oficio.payments.PaymentStatus;
import dev.oficio.payments.simulated.SimulatedFault;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class OficioWiringTest {
  private static final Currency USD = Currency.getInstance("USD");
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T13:00:00Z"));

  private Job quote(Oficio oficio, Duration startsIn) {
    return oficio
        .jobs()
        .quote(
            new QuoteJob(
                CustomerId.of("c-1"),
                ProId.of("p-1"),
                Money.of("100.00", USD),
                clock.instant().plus(startsIn),
                "pm_1",
                null,
                null));
  }

  @Test
  void defaultsToTheStripeLikeSimulatedGateway() {
    Oficio oficio = Oficio.builder().clock(clock).build();
    assertThat(oficio.paymentGateway()).isInstanceOf(SimulatedGateway.class);
    assertThat(oficio.paymentGateway().capabilities().holds()).isTrue();
  }

  @Test
  void holdExpiryTimerCapturesTheHoldOfAnAcceptedJobAndTheJobCompletesLater() {
    Oficio oficio = Oficio.builder().clock(clock).ids(IdGenerator.sequential()).build();
    Job job = quote(oficio, Duration.ofDays(4));
    oficio.jobs().accept(job.id());
    clock.advance(Duration.ofDays(6).plusMinutes(1));
    assertThat(oficio.timers().runDue().fired()).isEqualTo(1);
    // The job still goes ahead, so the expiring hold was captured and held in the ledger.
    assertThat(oficio.payments().get(oficio.jobs().get(job.id()).payment().orElseThrow()).status())
        .isEqualTo(PaymentStatus.PAID);
    Job completed = oficio.jobs().complete(job.id());
    assertThat(completed.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
  }

  @Test
  void holdOfACancelledQuoteIsVoidedWhenTheLateAuthorizationSettles() {
    SimulatedGateway gateway = SimulatedGateway.of(SimulatedProfile.STRIPE_LIKE, clock);
    Oficio oficio =
        Oficio.builder().clock(clock).ids(IdGenerator.sequential()).paymentGateway(gateway).build();
    Job job = quote(oficio, Duration.ofDays(2));
    gateway.failNext(SimulatedFault.TIMEOUT_AFTER_APPLY);
    assertThat(oficio.jobs().accept(job.id()).status()).isEqualTo(JobStatus.QUOTED);
    oficio.jobs().cancel(job.id(), dev.oficio.jobs.CancelledBy.CUSTOMER, clock.instant());
    clock.advance(Duration.ofMinutes(10));
    oficio.payments().janitor().run();
    Job cancelled = oficio.jobs().get(job.id());
    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(oficio.payments().get(cancelled.payment().orElseThrow()).status())
        .isEqualTo(PaymentStatus.VOIDED);
  }

  @Test
  void lateAuthorizationAcceptsTheWaitingJob() {
    SimulatedGateway gateway = SimulatedGateway.of(SimulatedProfile.STRIPE_LIKE, clock);
    Oficio oficio =
        Oficio.builder().clock(clock).ids(IdGenerator.sequential()).paymentGateway(gateway).build();
    Job job = quote(oficio, Duration.ofDays(2));
    gateway.failNext(SimulatedFault.TIMEOUT_AFTER_APPLY);
    assertThat(oficio.jobs().accept(job.id()).status()).isEqualTo(JobStatus.QUOTED);
    clock.advance(Duration.ofMinutes(10));
    oficio.payments().janitor().run();
    assertThat(oficio.jobs().get(job.id()).status()).isEqualTo(JobStatus.ACCEPTED);
  }

  @Test
  void scheduledJanitorRunsThroughTheTimersAndReschedulesItself() {
    SimulatedGateway gateway = SimulatedGateway.of(SimulatedProfile.ATH_LIKE, clock);
    Oficio oficio =
        Oficio.builder()
            .clock(clock)
            .ids(IdGenerator.sequential())
            .paymentGateway(gateway)
            .janitorEvery(Duration.ofMinutes(10))
            .build();
    Job job = quote(oficio, Duration.ofDays(2));
    gateway.failNext(SimulatedFault.TIMEOUT_AFTER_APPLY);
    oficio.jobs().accept(job.id());
    oficio.scheduleJanitor();
    clock.advance(Duration.ofMinutes(10));
    assertThat(oficio.timers().runDue().fired()).isEqualTo(1);
    assertThat(oficio.jobs().get(job.id()).status()).isEqualTo(JobStatus.ACCEPTED);
    clock.advance(Duration.ofMinutes(10));
    assertThat(oficio.timers().runDue().fired()).isEqualTo(1);
  }
}
