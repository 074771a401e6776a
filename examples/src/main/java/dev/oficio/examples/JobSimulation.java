package dev.oficio.examples;

import dev.oficio.Oficio;
import dev.oficio.jdbc.OficioJdbc;
import dev.oficio.jobs.CancelledBy;
import dev.oficio.jobs.DisputeResolution;
import dev.oficio.jobs.InMemoryJobs;
import dev.oficio.jobs.Job;
import dev.oficio.jobs.JobStatus;
import dev.oficio.jobs.Jobs;
import dev.oficio.jobs.QuoteJob;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.InMemoryLedgerJournal;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.ledger.LedgerJournal;
import dev.oficio.ledger.Posting;
import dev.oficio.payments.InMemoryPayments;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.payments.Payment;
import dev.oficio.payments.PaymentEvent;
import dev.oficio.payments.PaymentTransaction;
import dev.oficio.payments.Payments;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.payments.simulated.SimulatedRecords;
import dev.oficio.payments.simulated.SimulatedWebhook;
import dev.oficio.persistence.InMemoryOutbox;
import dev.oficio.persistence.Outbox;
import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.JobId;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ObjectNode;

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
      ObjectNode root =
          ExampleJson.object()
              .put("jobs", jobs)
              .put("captured", ExampleJson.decimal(captured))
              .put("refunded", ExampleJson.decimal(refunded))
              .put("transferred", ExampleJson.decimal(transferred))
              .put("doubleCaptures", doubleCaptures)
              .put("overRefunds", overRefunds)
              .put("overTransfers", overTransfers)
              .put("ledgerImbalance", ExampleJson.decimal(ledgerImbalance))
              .put("providerVsLedgerMismatches", providerVsLedgerMismatches)
              .put("unresolvedUnknown", unresolvedUnknown)
              .put("escalatedToOperator", escalatedToOperator)
              .put("faultsInjected", faultsInjected)
              .put("webhooksDelivered", webhooksDelivered)
              .put("commandsRefused", commandsRefused);
      ObjectNode byStatus = root.putObject("jobsByStatus");
      jobsByStatus.forEach(byStatus::put);
      root.put("gateway", gateway).put("seed", seed).put("invariantsHold", ok());
      return ExampleJson.write(root);
    }
  }

  private final SimulatedProfile profile;
  private final long seed;
  private final SimulationClock clock = new SimulationClock(START);
  private final SimulatedGateway gateway;
  private final Payments payments;
  private final Jobs jobs;
  private final LedgerJournal ledger;
  private final Outbox outbox;
  private final TransactionRunner transactions;
  private final Oficio oficio;
  private final int threads;
  private final List<JobId> jobIds = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger webhooksDelivered = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  /** A simulation on in-memory stores, one thread. */
  JobSimulation(SimulatedProfile profile, long seed, int faultRatePpm) {
    this(profile, seed, faultRatePpm, null, 1);
  }

  /**
   * A simulation on {@code jdbc}'s database (in memory when null), running job lifecycles on {@code
   * threads} threads at once.
   */
  JobSimulation(
      SimulatedProfile profile, long seed, int faultRatePpm, OficioJdbc jdbc, int threads) {
    this.profile = profile;
    this.seed = seed;
    this.threads = threads;
    this.gateway = SimulatedGateway.withFaults(profile, clock, seed, faultRatePpm);
    if (jdbc == null) {
      this.payments = new InMemoryPayments();
      this.jobs = new InMemoryJobs();
      this.ledger = new InMemoryLedgerJournal();
      this.outbox = new InMemoryOutbox();
      this.transactions = TransactionRunner.inMemory();
    } else {
      this.payments = jdbc.payments();
      this.jobs = jdbc.jobs();
      this.ledger = jdbc.ledger();
      this.outbox = jdbc.outbox();
      this.transactions = jdbc.transactions();
    }
    Oficio.Builder builder =
        jdbc == null
            ? Oficio.builder().transactions(transactions)
            : jdbc.configure(Oficio.builder());
    this.oficio =
        builder
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
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      // Batches of 25 lifecycles (run on the threads at once), then a minute passes and the
      // provider's webhooks arrive.
      for (int from = 0; from < jobCount; from += 25) {
        int to = Math.min(jobCount, from + 25);
        if (pool == null) {
          for (int i = from; i < to; i++) {
            lifecycle(i);
          }
        } else {
          List<Callable<Void>> batch = new ArrayList<>();
          for (int i = from; i < to; i++) {
            int index = i;
            batch.add(
                () -> {
                  lifecycle(index);
                  return null;
                });
          }
          for (Future<Void> f : pool.invokeAll(batch)) {
            f.get();
          }
        }
        if (to - from == 25) {
          clock.advance(Duration.ofMinutes(1));
          deliverWebhooks();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OficioException("simulation interrupted", e);
    } catch (ExecutionException e) {
      throw new OficioException("a simulated lifecycle failed: " + e.getCause(), e.getCause());
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    settle();
    // Let every hold reach its expiry timer, then settle what that started.
    clock.advance(Duration.ofDays(8));
    settle();
    return check(jobCount);
  }

  /** The jobs created so far, as stored. */
  private List<Job> allJobs() {
    List<JobId> ids;
    synchronized (jobIds) {
      ids = List.copyOf(jobIds);
    }
    return transactions.inTransaction(
        () -> ids.stream().map(jobs::find).flatMap(Optional::stream).toList());
  }

  /** The payments of the jobs created so far, as stored. */
  private List<Payment> allPayments() {
    List<PaymentId> ids = allJobs().stream().map(Job::payment).flatMap(Optional::stream).toList();
    return transactions.inTransaction(
        () -> ids.stream().map(payments::find).flatMap(Optional::stream).toList());
  }

  private Job lifecycle(int i) {
    // One generator per job, so a job's story does not depend on how threads interleave.
    Random random = new Random((seed * 31 + 17) * 1_000_003L + i);
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
    jobIds.add(job.id());
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
      refused.incrementAndGet();
    }
  }

  private void deliverWebhooks() {
    for (SimulatedWebhook w : gateway.drainWebhooks()) {
      oficio.payments().providerEvents().accept(SimulatedGateway.PROVIDER, w.body(), w.headers());
      webhooksDelivered.incrementAndGet();
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
      for (Job job : allJobs()) {
        if (job.status() == JobStatus.QUOTED && job.payment().isPresent()) {
          attempt(() -> oficio.jobs().accept(job.id()));
        } else if (job.status() == JobStatus.COMPLETED || job.status() == JobStatus.CLOSED) {
          PaymentId id = job.payment().orElseThrow();
          if (transactions
              .inTransaction(() -> payments.find(id))
              .orElseThrow()
              .openHold()
              .isPresent()) {
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
    return allPayments().stream()
        .flatMap(p -> p.openTransactions().stream())
        .map(PaymentTransaction::nextCheckAt)
        .min(Comparator.naturalOrder());
  }

  private int openTransactions() {
    return allPayments().stream().mapToInt(p -> p.openTransactions().size()).sum();
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
    for (JournalEntry e : transactions.inTransaction(ledger::entries)) {
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
    List<Payment> stored = allPayments();
    for (Payment p : stored) {
      Money provider = providerCash.getOrDefault(p.id().value(), zero);
      Money books = ledgerCash.getOrDefault(p.id().value(), zero);
      if (!provider.equals(books)) {
        mismatches++;
      }
    }
    Money imbalance =
        transactions.inTransaction(ledger::trialBalance).totals().getOrDefault("USD", zero);
    int unresolved =
        (int)
            stored.stream()
                .flatMap(p -> p.transactions().stream())
                .filter(PaymentTransaction::isOpen)
                .count();
    // Nothing relays the simulation's outbox, so every message is still there to count.
    int escalated =
        (int)
            transactions.inTransaction(() -> outbox.poll(Integer.MAX_VALUE)).stream()
                .filter(m -> m.event() instanceof PaymentEvent.NeedsOperator)
                .count();
    Map<String, Integer> byStatus = new TreeMap<>();
    for (Job job : allJobs()) {
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
        webhooksDelivered.get(),
        refused.get(),
        byStatus);
  }
}
