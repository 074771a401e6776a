package dev.oficio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.jobs.CancelledBy;
import dev.oficio.jobs.Job;
import dev.oficio.jobs.JobStatus;
import dev.oficio.jobs.QuoteJob;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.payments.PaymentGateway;
import dev.oficio.payments.PaymentStatus;
import dev.oficio.payments.simulated.SimulatedFault;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.payments.simulated.SimulatedWebhook;
import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.Money;
import dev.oficio.shared.OficioException;
import dev.oficio.shared.ProId;
import dev.oficio.testing.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
    oficio.jobs().cancel(job.id(), CancelledBy.CUSTOMER, clock.instant());
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

  /** Counts how deep the current thread is in units of work. */
  private static final class TrackingRunner implements TransactionRunner {
    private final TransactionRunner delegate = TransactionRunner.inMemory();
    final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    @Override
    public <T> T inTransaction(Supplier<T> work) {
      depth.set(depth.get() + 1);
      try {
        return delegate.inTransaction(work);
      } finally {
        depth.set(depth.get() - 1);
      }
    }
  }

  @Test
  void theGatewayIsNeverCalledInsideAUnitOfWork() {
    TrackingRunner runner = new TrackingRunner();
    SimulatedGateway simulated =
        SimulatedGateway.withFaults(SimulatedProfile.STRIPE_LIKE, clock, 11, 200_000);
    List<String> insideCalls = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    PaymentGateway checked =
        (PaymentGateway)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {PaymentGateway.class},
                (proxy, method, args) -> {
                  // provider() and capabilities() are local configuration; only calls to the
                  // provider matter.
                  boolean remote =
                      !method.getName().equals("provider")
                          && !method.getName().equals("capabilities");
                  if (remote) {
                    calls.incrementAndGet();
                  }
                  if (remote && runner.depth.get() > 0) {
                    insideCalls.add(method.getName());
                  }
                  try {
                    return method.invoke(simulated, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    Oficio oficio =
        Oficio.builder()
            .clock(clock)
            .ids(IdGenerator.sequential())
            .transactions(runner)
            .paymentGateway(checked)
            .providerEventVerifier(simulated.verifier())
            .build();
    oficio.payees().register(ProId.of("p-1"), "simulated", "acct_1");
    oficio.payees().update(ProId.of("p-1"), OnboardingStatus.COMPLETE, true, List.of());
    oficio.scheduleJanitor();
    for (int i = 0; i < 30; i++) {
      Job job = quote(oficio, Duration.ofDays(1 + i % 9));
      run(() -> oficio.jobs().accept(job.id()));
      if (i % 3 == 0) {
        run(() -> oficio.jobs().complete(job.id()));
        run(() -> oficio.jobs().refund(job.id(), "1", Money.of("10.00", USD)));
      } else if (i % 3 == 1) {
        run(() -> oficio.jobs().cancel(job.id(), CancelledBy.CUSTOMER, clock.instant()));
      }
      for (SimulatedWebhook w : simulated.drainWebhooks()) {
        oficio.payments().providerEvents().accept("simulated", w.body(), w.headers());
      }
      clock.advance(Duration.ofHours(6));
      oficio.timers().runDue();
      oficio.payments().janitor().run();
    }
    assertThat(calls.get()).isGreaterThan(50);
    assertThat(insideCalls).isEmpty();
  }

  private static void run(Runnable command) {
    try {
      command.run();
    } catch (OficioException refused) {
      // Refusals under faults are fine here; only where the gateway is called matters.
    }
  }
}
