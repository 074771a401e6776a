package dev.oficio.examples;

import dev.oficio.Oficio;
import dev.oficio.jobs.CancelledBy;
import dev.oficio.jobs.DisputeResolution;
import dev.oficio.jobs.InMemoryJobs;
import dev.oficio.jobs.Job;
import dev.oficio.jobs.JobStatus;
import dev.oficio.jobs.QuoteJob;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.InMemoryLedgerJournal;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.ledger.Posting;
import dev.oficio.payments.InMemoryPayments;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.payments.Payment;
import dev.oficio.payments.PaymentEvent;
import dev.oficio.payments.PaymentTransaction;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.payments.simulated.SimulatedRecords;
import dev.oficio.payments.simulated.SimulatedWebhook;
import dev.oficio.persistence.InMemoryOutbox;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.Money;
import dev.oficio.shared.OficioException;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Runs random job lifecycles against the simulated gateway with seeded faults, settles everything
 * with the janitor, then checks the invariants from the simulated provider's own books and from the
 * ledger, never from the services' view of themselves.
 */
final class JobSimulation {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant START = Instant.parse("2027-03-01T12:00:00Z");
  private static final int PROS = 25;

  /** A clock the simulation moves. */
  static final class SimulationClock extends Clock {
    private Instant now;

    SimulationClock(Instant start) {
      this.now = start;
    }

    synchronized void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(instant(), zone);
    }
  }

  /** The invariants and counters of one run; field names are the CLI's JSON contract. */
  record Result(
      String gateway,
      long seed,
      int jobs,
      Money captured,
      Money refunded,
      Money transferred,
      int doubleCaptures,
      int overRefunds,
      int overTransfers,
      Money ledgerImbalance,
      int providerVsLedgerMismatches,
      int unresolvedUnknown,
      int escalatedToOperator,
      int faultsInjected,
      int webhooksDelivered,
      int commandsRefused,
      Map<String, Integer> jobsByStatus) {

    boolean ok() {
      return doubleCaptures == 0
          && overRefunds == 0
          && overTransfers == 0
          && ledgerImbalance.isZero()
          && providerVsLedgerMismatches == 0
          && unresolvedUnknown == 0;
    }

    String toJson() {
      StringBuilder s = new StringBuilder("{");
      s.append("\"jobs\":").append(jobs);
      s.append(",\"captured\":\"").append(captured.toDecimal().toPlainString()).append('"');
      s.append(",\"refunded\":\"").append(refunded.toDecimal().toPlainString()).append('"');
      s.append(",\"transferred\":\"").append(transferred.toDecimal().toPlainString()).append('"');
      s.append(",\"doubleCaptures\":").append(doubleCaptures);
      s.append(",\"overRefunds\":").append(overRefunds);
      s.append(",\"overTransfers\":").append(overTransfers);
      s.append(",\"ledgerImbalance\":\"")
          .append(ledgerImbalance.toDecimal().toPlainString())
          .append('"');
      s.append(",\"providerVsLedgerMismatches\":").append(providerVsLedgerMismatches);
      s.append(",\"unresolvedUnknown\":").append(unresolvedUnknown);
      s.append(",\"escalatedToOperator\":").append(escalatedToOperator);
      s.append(",\"faultsInjected\":").append(faultsInjected);
      s.append(",\"webhooksDelivered\":").append(webhooksDelivered);
      s.append(",\"commandsRefused\":").append(commandsRefused);
      s.append(",\"jobsByStatus\":{");
      String sep = "";
      for (Map.Entry<String, Integer> e : jobsByStatus.entrySet()) {
        s.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
        sep = ",";
      }
      s.append('}');
      s.append(",\"gateway\":\"").append(gateway).append('"');
      s.append(",\"seed\":").append(seed);
      s.append(",\"invariantsHold\":").append(ok());
      return s.append('}').toString();
    }
  }

  private final SimulatedProfile profile;
  private final long seed;
  private final SimulationClock clock = new SimulationClock(START);
  private final SimulatedGateway gateway;
  private final InMemoryPayments payments = new InMemoryPayments();
  private final InMemoryJobs jobs = new InMemoryJobs();
  private final InMemoryLedgerJournal ledger = new InMemoryLedgerJournal();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final Oficio oficio;
  private final Random random;
  private int webhooksDelivered;
  private int refused;

  JobSimulation(SimulatedProfile profile, long seed, int faultRatePpm) {
    this.profile = profile;
    this.seed = seed;
    this.gateway = SimulatedGateway.withFaults(profile, clock, seed, faultRatePpm);
    this.random = new Random(seed * 31 + 17);
    this.oficio =
        Oficio.builder()
            .clock(clock)
            .ids(IdGenerator.sequential())
            .paymentGateway(gateway)
            .payments(payments)
            .jobs(jobs)
            .ledger(ledger)
            .outbox(outbox)
            .build();
    for (int i = 1; i <= PROS; i++) {
      ProId pro = pro(i);
      oficio.payees().register(pro, SimulatedGateway.PROVIDER, "acct_sim_" + i);
      if (i % 5 != 0) {
        // Every fifth pro has not finished onboarding: their share stays payable.
        oficio.payees().update(pro, OnboardingStatus.COMPLETE, true, List.of());
      }
    }
  }

  private static ProId pro(int i) {
    return ProId.of(String.format("p-%02d", i));
  }

  Result run(int jobCount) {
    List<Job> quoted = new ArrayList<>(jobCount);
    for (int i = 0; i < jobCount; i++) {
      quoted.add(lifecycle(i));
      if (i % 25 == 24) {
        clock.advance(Duration.ofMinutes(1));
        deliverWebhooks();
      }
    }
    settle();
    // Let every hold reach its expiry timer, then settle what that started.
    clock.advance(Duration.ofDays(8));
    settle();
    return check(quoted.size());
  }

  private Job lifecycle(int i) {
    long cents = 2_000 + random.nextInt(148_000);
    Duration startsIn = Duration.ofMinutes(60 + random.nextInt(60 * 24 * 10));
    Job job =
        oficio
            .jobs()
            .quote(
                new QuoteJob(
                    CustomerId.of("c-" + i),
                    pro(1 + random.nextInt(PROS)),
                    Money.ofMinor(cents, USD),
                    clock.instant().plus(startsIn),
                    "pm_sim_" + i,
                    null,
                    null));
    attempt(() -> oficio.jobs().accept(job.id()));
    int scenario = random.nextInt(100);
    if (scenario < 55) {
      attempt(() -> oficio.jobs().complete(job.id()));
      int after = random.nextInt(100);
      if (after < 20) {
        long refund = 1 + random.nextInt((int) Math.min(cents, Integer.MAX_VALUE));
        attempt(() -> oficio.jobs().refund(job.id(), "r1", Money.ofMinor(refund, USD)));
      } else if (after < 27) {
        attempt(() -> oficio.jobs().dispute(job.id(), "customer disputes the work"));
        DisputeResolution r =
            random.nextBoolean() ? DisputeResolution.REFUND : DisputeResolution.PAYOUT;
        attempt(() -> oficio.jobs().resolveDispute(job.id(), r));
      } else if (after < 40) {
        attempt(() -> oficio.jobs().close(job.id()));
      }
    } else if (scenario < 80) {
      Duration notice = Duration.ofMinutes(random.nextInt((int) startsIn.toMinutes()));
      Instant at = job.scheduledAt().minus(notice);
      attempt(() -> oficio.jobs().cancel(job.id(), CancelledBy.CUSTOMER, at));
    } else if (scenario < 88) {
      attempt(() -> oficio.jobs().cancel(job.id(), CancelledBy.PRO, clock.instant()));
    }
    // The rest stay accepted: their holds meet the expiry timer.
    return job;
  }

  private void attempt(Runnable command) {
    try {
      command.run();
    } catch (OficioException e) {
      // Refused commands (a capture still unknown, a job that never got accepted) are part of the
      // game; the invariants must hold anyway.
      refused++;
    }
  }

  private void deliverWebhooks() {
    for (SimulatedWebhook w : gateway.drainWebhooks()) {
      oficio.payments().providerEvents().accept(SimulatedGateway.PROVIDER, w.body(), w.headers());
      webhooksDelivered++;
    }
  }

  /**
   * Runs webhooks, timers and the janitor, re-driving stuck commands, until nothing is open: the
   * clock jumps to the next due look-up each round, so even a high fault rate ends quiet.
   */
  private void settle() {
    for (int round = 0; round < 5_000; round++) {
      deliverWebhooks();
      oficio.timers().runDue();
      oficio.payments().janitor().run();
      for (Job job : jobs.all()) {
        if (job.status() == JobStatus.QUOTED && job.payment().isPresent()) {
          attempt(() -> oficio.jobs().accept(job.id()));
        } else if (job.status() == JobStatus.COMPLETED || job.status() == JobStatus.CLOSED) {
          PaymentId id = job.payment().orElseThrow();
          if (payments.find(id).orElseThrow().openHold().isPresent()) {
            attempt(() -> oficio.jobs().complete(job.id()));
          }
        }
      }
      Optional<Instant> next = nextCheck();
      if (next.isEmpty() && round > 2) {
        deliverWebhooks();
        return;
      }
      Instant now = clock.instant();
      Instant target = next.filter(now::isBefore).orElse(now.plus(Duration.ofMinutes(1)));
      clock.advance(Duration.between(now, target));
    }
  }

  private Optional<Instant> nextCheck() {
    return payments.all().stream()
        .flatMap(p -> p.openTransactions().stream())
        .map(PaymentTransaction::nextCheckAt)
        .min(Comparator.naturalOrder());
  }

  private int openTransactions() {
    return payments.all().stream().mapToInt(p -> p.openTransactions().size()).sum();
  }

  private Result check(int jobCount) {
    Money zero = Money.zero(USD);
    Money captured = zero;
    Money refunded = zero;
    Money transferred = zero;
    int doubleCaptures = 0;
    int overRefunds = 0;
    int overTransfers = 0;
    Map<String, Money> providerCash = new HashMap<>();
    for (SimulatedRecords r : gateway.records()) {
      captured = captured.plus(r.taken());
      refunded = refunded.plus(r.refunded());
      transferred = transferred.plus(r.transferred().minus(r.reversed()));
      if (r.moneyTakenCount() > 1) {
        doubleCaptures++;
      }
      if (r.refunded().isGreaterThan(r.taken())) {
        overRefunds++;
      }
      if (r.transferred().minus(r.reversed()).isGreaterThan(r.taken().minus(r.refunded()))) {
        overTransfers++;
      }
      providerCash.put(r.payment().value(), r.platformCash());
    }
    // The ledger's cash per payment, from the entries' keys (<movement>:<payment>[:…]).
    Map<String, Money> ledgerCash = new HashMap<>();
    for (JournalEntry e : ledger.entries()) {
      String[] parts = e.idempotencyKey().split(":");
      if (parts.length < 2) {
        continue;
      }
      for (Posting p : e.postings()) {
        if (p.account().type() == AccountType.CASH_AT_PROVIDER) {
          ledgerCash.merge(parts[1], p.amount(), Money::plus);
        }
      }
    }
    int mismatches = 0;
    for (Payment p : payments.all()) {
      Money provider = providerCash.getOrDefault(p.id().value(), zero);
      Money books = ledgerCash.getOrDefault(p.id().value(), zero);
      if (!provider.equals(books)) {
        mismatches++;
      }
    }
    Money imbalance = ledger.trialBalance().totals().getOrDefault("USD", zero);
    int unresolved =
        (int)
            payments.all().stream()
                .flatMap(p -> p.transactions().stream())
                .filter(PaymentTransaction::isOpen)
                .count();
    int escalated =
        (int)
            outbox.history().stream()
                .filter(m -> m.event() instanceof PaymentEvent.NeedsOperator)
                .count();
    Map<String, Integer> byStatus = new TreeMap<>();
    for (Job job : jobs.all()) {
      byStatus.merge(job.status().name(), 1, Integer::sum);
    }
    return new Result(
        profile.cliName(),
        seed,
        jobCount,
        captured,
        refunded,
        transferred,
        doubleCaptures,
        overRefunds,
        overTransfers,
        imbalance,
        mismatches,
        unresolved,
        escalated,
        gateway.faultsInjected(),
        webhooksDelivered,
        refused,
        byStatus);
  }
}
