package dev.oficio.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.oficio.Oficio;
import dev.oficio.fees.FeeRule;
import dev.oficio.fees.FeeSchedule;
import dev.oficio.fees.FeeSchedules;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.InMemoryLedgerJournal;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.ledger.Posting;
import dev.oficio.payments.InMemoryPayments;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.payments.Payment;
import dev.oficio.payments.PaymentTransaction;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.payments.simulated.SimulatedRecords;
import dev.oficio.payments.simulated.SimulatedWebhook;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.OficioException;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import dev.oficio.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random command sequences over a few jobs, against the simulated gateway with random faults: every
 * money invariant holds after each command, and once the janitor has settled everything the
 * provider's own books and the ledger agree to the cent.
 */
class JobPaymentsProperties {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant T0 = Instant.parse("2027-03-01T13:00:00Z");
  private static final int COMMANDS = 13;

  /** 12% platform fee with 11.5% IVU on it, and a 3% customer service fee on top of the price. */
  private static final FeeSchedule SCHEDULE =
      FeeSchedule.builder("props", 1, USD, Instant.EPOCH)
          .rule(FeeRule.builder("default", USD).lastTier(Rate.parse("12")))
          .customerRule(FeeRule.builder("service", USD).lastTier(Rate.parse("3")))
          .taxOnFee(Rate.parse("11.5"))
          .build();

  /** One command: which job, what, and a parameter. */
  record Command(int job, int action, int param) {}

  record Scenario(long seed, int faultPpm, boolean stripeLike, List<Command> commands) {}

  private static Gen<Command> commands() {
    return integers()
        .between(0, 3)
        .zip(integers().between(0, COMMANDS - 1), integers().between(0, 9_999), Command::new);
  }

  private static Gen<Scenario> scenarios() {
    return longs()
        .all()
        .zip(
            integers().between(0, 300_000),
            integers().between(0, 1),
            lists().of(commands()).ofSizeBetween(1, 40),
            (seed, ppm, profile, cmds) -> new Scenario(seed, ppm, profile == 0, cmds));
  }

  /** A world: an Oficio over the simulated gateway and the stores the checks read. */
  private static final class World {
    final MutableClock clock = new MutableClock(T0);
    final SimulatedGateway gateway;
    final InMemoryPayments payments = new InMemoryPayments();
    final InMemoryJobs jobs = new InMemoryJobs();
    final InMemoryLedgerJournal ledger = new InMemoryLedgerJournal();
    final Oficio oficio;
    final List<JobId> quoted = new ArrayList<>();

    World(Scenario s) {
      gateway =
          SimulatedGateway.withFaults(
              s.stripeLike() ? SimulatedProfile.STRIPE_LIKE : SimulatedProfile.ATH_LIKE,
              clock,
              s.seed(),
              s.faultPpm());
      oficio =
          Oficio.builder()
              .clock(clock)
              .ids(IdGenerator.sequential())
              .paymentGateway(gateway)
              .payments(payments)
              .jobs(jobs)
              .ledger(ledger)
              .feeSchedules(FeeSchedules.of(SCHEDULE))
              .build();
      for (int i = 0; i < 2; i++) {
        ProId pro = ProId.of("p-" + i);
        oficio.payees().register(pro, SimulatedGateway.PROVIDER, "acct_" + i);
        if (i == 0) {
          oficio.payees().update(pro, OnboardingStatus.COMPLETE, true, List.of());
        }
      }
      for (int i = 0; i < 4; i++) {
        quoted.add(
            oficio
                .jobs()
                .quote(
                    new QuoteJob(
                        CustomerId.of("c-" + i),
                        ProId.of("p-" + (i % 2)),
                        Money.ofMinor(1_000 + 37_513L * (i + 1) % 130_000, USD),
                        T0.plus(Duration.ofHours(3 + 40L * i)),
                        "pm_" + i,
                        null,
                        null))
                .id());
      }
    }

    void apply(Command c) {
      JobId id = quoted.get(c.job());
      try {
        switch (c.action()) {
          case 0, 1 -> oficio.jobs().accept(id);
          case 2 -> oficio.jobs().start(id);
          case 3, 4 -> oficio.jobs().complete(id);
          case 5 ->
              oficio
                  .jobs()
                  .cancel(
                      id,
                      c.param() % 2 == 0 ? CancelledBy.CUSTOMER : CancelledBy.PRO,
                      clock.instant().plus(Duration.ofMinutes(c.param() % 3000)));
          case 6 -> {
            Job job = oficio.jobs().get(id);
            long max = job.refundable().minorUnits();
            if (max > 0) {
              oficio.jobs().refund(id, "r" + c.param(), Money.ofMinor(1 + c.param() % max, USD));
            }
          }
          case 7 -> oficio.jobs().dispute(id, "bad work");
          case 8 ->
              oficio
                  .jobs()
                  .resolveDispute(
                      id, c.param() % 2 == 0 ? DisputeResolution.REFUND : DisputeResolution.PAYOUT);
          case 9 -> deliverWebhooks();
          case 10 -> oficio.payments().janitor().run();
          case 11 -> clock.advance(Duration.ofMinutes(1 + c.param()));
          default -> oficio.timers().runDue();
        }
      } catch (OficioException refused) {
        // Refused commands are legal outcomes; the invariants must hold regardless.
      }
    }

    void deliverWebhooks() {
      for (SimulatedWebhook w : gateway.drainWebhooks()) {
        oficio.payments().providerEvents().accept(SimulatedGateway.PROVIDER, w.body(), w.headers());
      }
    }

    /**
     * Delivers, fires timers and runs the janitor, jumping to the next due look-up, until quiet.
     */
    void settle() {
      for (int round = 0; round < 2_000 && openTransactions() > 0; round++) {
        Instant next =
            payments.all().stream()
                .flatMap(p -> p.openTransactions().stream())
                .map(PaymentTransaction::nextCheckAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        clock.set(next.isAfter(clock.instant()) ? next : clock.instant().plusSeconds(60));
        deliverWebhooks();
        oficio.timers().runDue();
        oficio.payments().janitor().run();
      }
      deliverWebhooks();
    }

    long openTransactions() {
      return payments.all().stream().mapToLong(p -> p.openTransactions().size()).sum();
    }
  }

  /** Invariants that hold at every step, read from the provider's books and the ledger. */
  private static void assertMoneyInvariants(World w) {
    assertThat(w.ledger.trialBalance().isBalanced()).as("ledger balanced").isTrue();
    // Tax payable is a liability: never given back more than was collected.
    assertThat(w.ledger.balance(Account.of(AccountType.TAX_PAYABLE), USD).isPositive())
        .as("tax payable")
        .isFalse();
    assertThat(w.ledger.balance(Account.of(AccountType.PLATFORM_REVENUE), USD).isPositive())
        .as("platform revenue")
        .isFalse();
    for (SimulatedRecords r : w.gateway.records()) {
      assertThat(r.moneyTakenCount()).as("captures of " + r.payment()).isLessThanOrEqualTo(1);
      assertThat(r.refunded()).as("refunds of " + r.payment()).isLessThanOrEqualTo(r.taken());
      assertThat(r.transferred()).as("transfers of " + r.payment()).isLessThanOrEqualTo(r.taken());
    }
  }

  /**
   * Once settled, the pro keeps no more than the customer's money left. Not checked at every step:
   * with separate charges and transfers a refund of a paid-out job is followed by the reversal of
   * the pro's part, and while that reversal is unknown the platform's balance covers the gap.
   */
  private static void assertNothingOverTransferred(World w) {
    for (SimulatedRecords r : w.gateway.records()) {
      assertThat(r.transferred().minus(r.reversed()))
          .as("transfers of " + r.payment())
          .isLessThanOrEqualTo(r.taken().minus(r.refunded()));
    }
  }

  /** After settling: nothing open, and every payment's cash agrees between provider and ledger. */
  private static void assertProviderAndLedgerAgree(World w) {
    assertThat(w.openTransactions()).as("open transactions").isZero();
    Map<String, Money> ledgerCash = new HashMap<>();
    Money ledgerPayouts = Money.zero(USD);
    for (JournalEntry e : w.ledger.entries()) {
      String payment = e.idempotencyKey().split(":")[1];
      for (Posting p : e.postings()) {
        if (p.account().type() == AccountType.CASH_AT_PROVIDER) {
          ledgerCash.merge(payment, p.amount(), Money::plus);
          if (e.idempotencyKey().startsWith("transfer")) {
            ledgerPayouts = ledgerPayouts.minus(p.amount());
          }
        }
      }
    }
    for (Payment p : w.payments.all()) {
      SimulatedRecords r = w.gateway.records(p.id());
      assertThat(ledgerCash.getOrDefault(p.id().value(), Money.zero(USD)))
          .as("cash of " + p.id())
          .isEqualTo(r.platformCash());
      assertThat(p.taken()).as("taken of " + p.id()).isEqualTo(r.taken());
      assertThat(p.refunded()).as("refunded of " + p.id()).isEqualTo(r.refunded());
      assertThat(p.transactions()).allMatch(t -> !t.isOpen(), "all settled");
    }
    Money paidToAccounts =
        w.gateway.accountBalances().values().stream().reduce(Money.zero(USD), Money::plus);
    assertThat(ledgerPayouts).as("payouts").isEqualTo(paidToAccounts);
    // What the ledger says the customers still have held matches jobs not finished.
    for (Job job : w.jobs.all()) {
      if (job.status() == JobStatus.REFUNDED) {
        Payment p = w.payments.find(job.payment().orElseThrow()).orElseThrow();
        assertThat(w.gateway.records(p.id()).refunded())
            .isEqualTo(w.gateway.records(p.id()).taken());
      }
    }
  }

  @Test
  void randomCommandsWithRandomFaultsKeepEveryInvariantAndSettleToAgreement() {
    qt().withExamples(500)
        .forAll(scenarios())
        .checkAssert(
            s -> {
              World w = new World(s);
              for (Command c : s.commands()) {
                w.apply(c);
                assertMoneyInvariants(w);
              }
              w.settle();
              assertMoneyInvariants(w);
              assertNothingOverTransferred(w);
              assertProviderAndLedgerAgree(w);
            });
  }

  @Test
  void transactionsNeverLeaveAFinalStatus() {
    qt().withExamples(60)
        .forAll(scenarios())
        .checkAssert(
            s -> {
              World w = new World(s);
              Map<String, PaymentTransaction> finals = new HashMap<>();
              for (Command c : s.commands()) {
                w.apply(c);
                for (Payment p : w.payments.all()) {
                  for (PaymentTransaction t : p.transactions()) {
                    PaymentTransaction before = finals.get(t.idempotencyKey().value());
                    if (before != null) {
                      assertThat(t.status()).isEqualTo(before.status());
                      assertThat(t.providerReference()).isEqualTo(before.providerReference());
                    } else if (t.status().isFinal()) {
                      finals.put(t.idempotencyKey().value(), t);
                    }
                  }
                }
              }
            });
  }
}
