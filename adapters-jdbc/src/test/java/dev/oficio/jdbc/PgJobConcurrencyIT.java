package dev.oficio.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.Oficio;
import dev.oficio.jobs.CancelledBy;
import dev.oficio.jobs.Job;
import dev.oficio.jobs.JobStatus;
import dev.oficio.jobs.QuoteJob;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.payments.Payment;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.payments.simulated.SimulatedRecords;
import dev.oficio.persistence.TimerRunner;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.OficioException;
import dev.oficio.shared.ProId;
import dev.oficio.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job flow on PostgreSQL under contention: several threads issue conflicting commands (complete
 * vs cancel, the same refund twice) on the same jobs, then two {@code runDue()} loops run at once.
 * Every effect happens once, no update is lost and the ledger stays balanced.
 */
class PgJobConcurrencyIT {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant T0 = Instant.parse("2027-03-01T13:00:00Z");
  private static final ProId PRO = ProId.of("p-17");
  private static final int JOBS = 6;
  private static final int THREADS = 4;

  private static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  @Test
  void conflictingCommandsOnTheSameJobsTakeEffectOnceAndTheLedgerBalances() throws Exception {
    OficioJdbc jdbc = PG.fresh();
    MutableClock clock = new MutableClock(T0);
    SimulatedGateway gateway = SimulatedGateway.of(SimulatedProfile.STRIPE_LIKE, clock);
    Oficio oficio =
        jdbc.configure(Oficio.builder())
            .clock(clock)
            .ids(IdGenerator.sequential())
            .paymentGateway(gateway)
            .build();
    oficio.payees().register(PRO, SimulatedGateway.PROVIDER, "acct_p17");
    oficio.payees().update(PRO, OnboardingStatus.COMPLETE, true, List.of());
    List<JobId> ids = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      Job job =
          oficio
              .jobs()
              .quote(
                  new QuoteJob(
                      CustomerId.of("c-" + i),
                      PRO,
                      usd("250.00"),
                      T0.plus(Duration.ofDays(2)),
                      "pm_card_visa",
                      null,
                      null));
      oficio.jobs().accept(job.id());
      ids.add(job.id());
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      // Round 1, per job: complete, cancel, complete, cancel — all at once.
      for (JobId id : ids) {
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Callable<Void>> commands = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          boolean complete = t % 2 == 0;
          commands.add(
              () -> {
                together.await(10, TimeUnit.SECONDS);
                attempt(
                    () -> {
                      if (complete) {
                        oficio.jobs().complete(id);
                      } else {
                        oficio.jobs().cancel(id, CancelledBy.CUSTOMER, clock.instant());
                      }
                    });
                return null;
              });
        }
        runAll(pool, commands);
      }
      // Round 2, per completed job: the same refund four times at once.
      for (JobId id : ids) {
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Callable<Void>> refunds = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          refunds.add(
              () -> {
                together.await(10, TimeUnit.SECONDS);
                attempt(() -> oficio.jobs().refund(id, "r1", usd("10.00")));
                return null;
              });
        }
        runAll(pool, refunds);
      }
      // Round 3: later, two timer loops (hold expiry, janitor) at once.
      clock.advance(Duration.ofDays(8));
      List<Callable<TimerRunner.Report>> loops =
          List.of(oficio.timers()::runDue, oficio.timers()::runDue);
      for (Future<TimerRunner.Report> report : pool.invokeAll(loops)) {
        assertThat(report.get().failed()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }

    for (JobId id : ids) {
      Job job = jdbc.jobs().find(id).orElseThrow();
      assertThat(job.status()).as(id.value()).isIn(JobStatus.COMPLETED, JobStatus.CANCELLED);
      Payment payment = jdbc.payments().find(job.payment().orElseThrow()).orElseThrow();
      SimulatedRecords books = gateway.records(payment.id());
      if (job.status() == JobStatus.COMPLETED) {
        // Captured once, refunded once, and job, payment and provider agree.
        assertThat(books.moneyTakenCount()).as(id.value()).isEqualTo(1);
        assertThat(payment.taken()).isEqualTo(usd("250.00"));
        assertThat(payment.refunded()).isEqualTo(usd("10.00"));
        assertThat(job.refunded()).isEqualTo(usd("10.00"));
      } else {
        // Cancelled two days ahead: the hold is released and no money moved.
        assertThat(books.moneyTakenCount()).as(id.value()).isZero();
        assertThat(payment.taken()).isEqualTo(usd("0.00"));
      }
    }
    assertThat(jdbc.ledger().trialBalance().isBalanced()).isTrue();
  }

  private static void attempt(Runnable command) {
    try {
      command.run();
    } catch (OficioException expected) {
      // Losing a race is a typed error (ConcurrencyException, IllegalTransitionException…).
    }
  }

  private static void runAll(ExecutorService pool, List<Callable<Void>> tasks) throws Exception {
    for (Future<Void> done : pool.invokeAll(tasks)) {
      done.get();
    }
  }
}
