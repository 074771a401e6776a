package dev.oficio.payments;

import static dev.oficio.payments.PaymentFixture.USD;
import static dev.oficio.payments.PaymentFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.payments.simulated.SimulatedFault;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.persistence.ScheduledTimer;
import dev.oficio.persistence.TimerRunner;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProviderException;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {
  private static final Account CASH = Account.of(AccountType.CASH_AT_PROVIDER);
  private static final Account HELD = Account.of(AccountType.CUSTOMER_FUNDS_HELD);

  private final PaymentFixture f = new PaymentFixture(SimulatedProfile.STRIPE_LIKE);

  /** Counts calls that reach the provider. */
  private static final class Counting extends ForwardingGateway {
    final AtomicInteger captures = new AtomicInteger();

    Counting(PaymentGateway delegate) {
      super(delegate);
    }

    @Override
    public GatewayOutcome capture(GatewayCall.Capture request) {
      captures.incrementAndGet();
      return super.capture(request);
    }
  }

  /**
   * The process dies right after the provider applied the capture, before the result is recorded.
   */
  private static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void captureRecordsBalancedLedgerEntriesAndTheSameCommandReturnsTheFirstResult() {
    Counting gateway = new Counting(f.simulated);
    PaymentService service = f.service(gateway);
    PaymentId id = f.open(service).id();
    assertThat(service.authorize(id, usd("100.00")).status())
        .isEqualTo(TransactionStatus.SUCCEEDED);

    PaymentTransaction first = service.capture(id, usd("100.00"));
    PaymentTransaction again = service.capture(id, usd("100.00"));
    assertThat(first.status()).isEqualTo(TransactionStatus.SUCCEEDED);
    assertThat(again).isEqualTo(first);
    assertThat(gateway.captures.get()).isEqualTo(1);
    assertThat(f.simulated.records(id).moneyTakenCount()).isEqualTo(1);
    assertThat(f.ledger.balance(CASH, USD)).isEqualTo(usd("100.00"));
    assertThat(f.ledger.balance(HELD, USD)).isEqualTo(usd("-100.00"));
    assertThat(f.ledger.find("capture:" + id)).isPresent();
  }

  @Test
  void killedBetweenProviderAppliedAndResultRecordedTheJanitorSettlesWithoutASecondCapture() {
    PaymentService service = f.service();
    PaymentId id = f.open(service).id();
    service.authorize(id, usd("100.00"));
    PaymentService dying =
        f.service(
            new ForwardingGateway(f.simulated) {
              @Override
              public GatewayOutcome capture(GatewayCall.Capture request) {
                super.capture(request);
                throw new Killed();
              }
            });
    assertThatThrownBy(() -> dying.capture(id, usd("100.00"))).isInstanceOf(Killed.class);
    // The provider captured; Oficio only knows its intent.
    assertThat(f.simulated.records(id).taken()).isEqualTo(usd("100.00"));
    assertThat(service.get(id).transactions().get(1).status()).isEqualTo(TransactionStatus.PENDING);
    assertThat(f.ledger.entries()).isEmpty();

    // After a restart, the janitor ignores young transactions, then settles the old one by look-up.
    Counting gateway = new Counting(f.simulated);
    PaymentService restarted = f.service(gateway);
    assertThat(restarted.janitor().run().checked()).isZero();
    f.clock.advance(Duration.ofMinutes(6));
    Janitor.Report report = restarted.janitor().run();
    assertThat(report.settled()).isEqualTo(1);
    assertThat(gateway.captures.get()).isZero();
    Payment settled = restarted.get(id);
    assertThat(settled.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(f.simulated.records(id).moneyTakenCount()).isEqualTo(1);
    assertThat(f.ledger.balance(CASH, USD)).isEqualTo(usd("100.00"));
    assertThat(f.ledger.trialBalance().isBalanced()).isTrue();
  }

  @Test
  void timeoutAfterApplyIsUnknownUntilTheJanitorFindsTheMoney() {
    PaymentService service = f.service();
    PaymentId id = f.open(service).id();
    f.simulated.failNext(SimulatedFault.TIMEOUT_AFTER_APPLY);
    assertThat(service.charge(id, usd("40.00")).status()).isEqualTo(TransactionStatus.UNKNOWN);
    assertThat(f.ledger.entries()).isEmpty();
    f.clock.advance(Duration.ofMinutes(6));
    service.janitor().run();
    assertThat(service.get(id).taken()).isEqualTo(usd("40.00"));
    assertThat(f.simulated.records(id).moneyTakenCount()).isEqualTo(1);
    assertThat(f.ledger.balance(CASH, USD)).isEqualTo(usd("40.00"));
  }

  @Test
  void timeoutBeforeApplyIsResentWithTheSameKeyOnce() {
    PaymentService service = f.service();
    PaymentId id = f.open(service).id();
    f.simulated.failNext(SimulatedFault.TIMEOUT_BEFORE_APPLY);
    assertThat(service.charge(id, usd("40.00")).status()).isEqualTo(TransactionStatus.UNKNOWN);
    assertThat(f.simulated.records(id).taken()).isEqualTo(Money.zero(USD));
    f.clock.advance(Duration.ofMinutes(6));
    assertThat(service.janitor().run().settled()).isEqualTo(1);
    assertThat(f.simulated.records(id).moneyTakenCount()).isEqualTo(1);
    assertThat(service.get(id).status()).isEqualTo(PaymentStatus.PAID);
  }

  @Test
  void repeatingAnUnknownCommandResendsTheSameKeyAndNeverDoublesTheMoney() {
    PaymentService service = f.service();
    PaymentId id = f.open(service).id();
    f.simulated.failNext(SimulatedFault.TIMEOUT_AFTER_APPLY);
    service.charge(id, usd("40.00"));
    assertThat(service.charge(id, usd("40.00")).status()).isEqualTo(TransactionStatus.SUCCEEDED);
    assertThat(f.simulated.records(id).moneyTakenCount()).isEqualTo(1);
    assertThat(f.ledger.balance(CASH, USD)).isEqualTo(usd("40.00"));
  }

  @Test
  void transientProviderErrorsAreUnknownNotFailures() {
    PaymentService service = f.service();
    PaymentId id = f.open(service).id();
    f.simulated.failNext(SimulatedFault.TRANSIENT_ERROR);
    assertThat(service.authorize(id, usd("10.00")).status()).isEqualTo(TransactionStatus.UNKNOWN);
  }

  @Test
  void nonRetryableProviderErrorsAreDeclines() {
    PaymentService service =
        f.service(
            new ForwardingGateway(f.simulated) {
              @Override
              public GatewayOutcome charge(GatewayCall.Charge request) {
                throw new ProviderException(
                    "simulated", "invalid_request", false, "req_1", "bad", null);
              }
            });
    PaymentId id = f.open(service).id();
    PaymentTransaction t = service.charge(id, usd("10.00"));
    assertThat(t.status()).isEqualTo(TransactionStatus.DECLINED);
    assertThat(t.declineCode()).isEqualTo("invalid_request");
  }

  @Test
  void janitorBacksOffAndEscalatesToAnOperatorWithoutDroppingTheTransaction() {
    PaymentService service =
        f.service(
            new ForwardingGateway(f.simulated) {
              @Override
              public GatewayOutcome charge(GatewayCall.Charge request) {
                return new GatewayOutcome.Unknown("timeout");
              }

              @Override
              public GatewayOutcome lookup(GatewayCall.Lookup request) {
                return new GatewayOutcome.Unknown("provider unreachable");
              }
            });
    PaymentId id = f.open(service).id();
    service.charge(id, usd("10.00"));
    f.clock.advance(Duration.ofMinutes(5));
    assertThat(service.janitor().run().retried()).isEqualTo(1);
    PaymentTransaction t = service.get(id).transactions().get(0);
    assertThat(t.attempts()).isEqualTo(1);
    assertThat(t.nextCheckAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(1)));
    // Not due yet: nothing checked.
    assertThat(service.janitor().run().checked()).isZero();
    f.clock.advance(Duration.ofMinutes(1));
    service.janitor().run();
    // Second retry waits twice as long.
    assertThat(service.get(id).transactions().get(0).nextCheckAt())
        .isEqualTo(f.clock.instant().plus(Duration.ofMinutes(2)));
    f.clock.advance(Duration.ofMinutes(2));
    service.janitor().run();
    f.clock.advance(Duration.ofMinutes(4));
    assertThat(service.janitor().run().escalated()).isEqualTo(1);
    assertThat(f.outbox.history())
        .filteredOn(m -> m.event() instanceof PaymentEvent.NeedsOperator)
        .hasSize(1);
    t = service.get(id).transactions().get(0);
    assertThat(t.escalated()).isTrue();
    assertThat(t.isOpen()).isTrue();
    // Still checked later, and alerted only once.
    f.clock.advance(Duration.ofDays(1));
    assertThat(service.janitor().run().checked()).isEqualTo(1);
    assertThat(f.outbox.history())
        .filteredOn(m -> m.event() instanceof PaymentEvent.NeedsOperator)
        .hasSize(1);
  }

  @Test
  void releaseSplitsTheMoneyAndPaysTheProByTransfer() {
    f.enablePayouts();
    PaymentService service = f.service();
    PaymentId id = f.open(service).id();
    service.charge(id, usd("100.00"));
    Payment released = service.release(id, usd("12.00"), true);
    assertThat(released.transferredNet()).isEqualTo(usd("88.00"));
    assertThat(f.ledger.balance(Account.of(AccountType.PLATFORM_REVENUE), USD))
        .isEqualTo(usd("-12.00"));
    assertThat(f.ledger.balance(Account.proPayable(PaymentFixture.PRO), USD))
        .isEqualTo(Money.zero(USD));
    assertThat(f.ledger.balance(CASH, USD)).isEqualTo(usd("12.00"));
    assertThat(f.simulated.accountBalances()).containsEntry("acct_1", usd("88.00"));
    // Repeating the release changes nothing.
    assertThat(service.release(id, usd("12.00"), true).transactions()).hasSize(2);
  }

  @Test
  void payoutsAreRefusedWithAClearErrorWhilePayoutsAreDisabled() {
    new PayeeService(f.payees, f.tx, f.clock).register(PaymentFixture.PRO, "simulated", "acct_1");
    PaymentService service = f.service();
    PaymentId id = f.open(service).id();
    service.charge(id, usd("100.00"));
    Payment released = service.release(id, usd("12.00"), true);
    // The share stays payable and an event says why.
    assertThat(released.transferredNet()).isEqualTo(Money.zero(USD));
    assertThat(f.ledger.balance(Account.proPayable(PaymentFixture.PRO), USD))
        .isEqualTo(usd("-88.00"));
    assertThat(f.outbox.history()).anyMatch(m -> m.event() instanceof PaymentEvent.PayoutHeld);
    assertThatThrownBy(() -> service.transfer(id, "manual", usd("10.00")))
        .isInstanceOf(PayoutsDisabledException.class)
        .hasMessageContaining("payouts to pro p-1 are disabled");
  }

  @Test
  void refundAfterTransferTakesTheProShareBack() {
    f.enablePayouts();
    PaymentService service = f.service();
    PaymentId id = f.open(service).id();
    service.charge(id, usd("100.00"));
    service.release(id, usd("12.00"), true);
    PaymentTransaction refund = service.refund(id, "1", usd("50.00"), usd("6.00"));
    assertThat(refund.status()).isEqualTo(TransactionStatus.SUCCEEDED);
    Payment p = service.get(id);
    assertThat(p.transferredNet()).isEqualTo(usd("44.00"));
    assertThat(f.simulated.accountBalances()).containsEntry("acct_1", usd("44.00"));
    assertThat(f.ledger.balance(CASH, USD)).isEqualTo(usd("6.00"));
    assertThat(f.ledger.balance(Account.proPayable(PaymentFixture.PRO), USD))
        .isEqualTo(Money.zero(USD));
    assertThat(f.ledger.trialBalance().isBalanced()).isTrue();
  }

  @Test
  void athLikeGatewayRefusesHoldsAndPayouts() {
    PaymentFixture ath = new PaymentFixture(SimulatedProfile.ATH_LIKE);
    PaymentService service = ath.service();
    PaymentId id = ath.open(service).id();
    assertThatThrownBy(() -> service.authorize(id, usd("10.00")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> service.charge(id, usd("1500.01")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limits");
    service.charge(id, usd("100.00"));
    assertThatThrownBy(() -> service.transfer(id, "1", usd("1.00")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void holdExpiryTimerVoidsByDefaultBeforeTheHoldExpires() {
    PaymentService service = f.service();
    PaymentId id = f.open(service).id();
    PaymentTransaction hold = service.authorize(id, usd("100.00"));
    ScheduledTimer timer = f.timers.find("hold-expiry:" + id).orElseThrow();
    assertThat(timer.dueAt()).isEqualTo(hold.captureBefore().minus(Duration.ofDays(1)));
    TimerRunner runner =
        TimerRunner.builder(f.timers, f.tx, f.clock)
            .handlerOutsideTransaction(
                PaymentService.HOLD_EXPIRY_TIMER, service.holdExpiryHandler())
            .build();
    f.clock.advance(Duration.ofDays(5));
    assertThat(runner.runDue().fired()).isZero();
    f.clock.advance(Duration.ofDays(1));
    assertThat(runner.runDue().fired()).isEqualTo(1);
    assertThat(service.get(id).status()).isEqualTo(PaymentStatus.VOIDED);
  }

  @Test
  void holdExpiryPolicyMayCaptureAndKeepTheFundsHeld() {
    PaymentService service = f.service();
    service.holdExpiryPolicy(p -> HoldExpiryPolicy.Decision.CAPTURE);
    PaymentId id = f.open(service).id();
    service.authorize(id, usd("100.00"));
    TimerRunner runner =
        TimerRunner.builder(f.timers, f.tx, f.clock)
            .handlerOutsideTransaction(
                PaymentService.HOLD_EXPIRY_TIMER, service.holdExpiryHandler())
            .build();
    f.clock.advance(Duration.ofDays(6));
    runner.runDue();
    assertThat(service.get(id).taken()).isEqualTo(usd("100.00"));
    assertThat(f.ledger.balance(HELD, USD)).isEqualTo(usd("-100.00"));
  }

  @Test
  void captureOrVoidCancelsTheHoldExpiryTimer() {
    PaymentService service = f.service();
    PaymentId id = f.open(service).id();
    service.authorize(id, usd("100.00"));
    service.capture(id, usd("60.00"));
    assertThat(f.timers.find("hold-expiry:" + id).orElseThrow().status())
        .isEqualTo(ScheduledTimer.Status.CANCELLED);
  }

  @Test
  void concurrentRepeatsOfACommandAndConcurrentJanitorsMoveMoneyOnce() throws Exception {
    PaymentService service = f.service();
    List<PaymentId> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      PaymentId id = f.open(service).id();
      service.authorize(id, usd("10.00"));
      ids.add(id);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (PaymentId id : ids) {
        for (int t = 0; t < 3; t++) {
          futures.add(pool.submit(() -> service.capture(id, usd("10.00"))));
        }
      }
      for (Future<?> future : futures) {
        future.get();
      }
      // Leave some open: timeouts after apply, then several janitors at once.
      PaymentId a = f.open(service).id();
      PaymentId b = f.open(service).id();
      f.simulated.failNext(SimulatedFault.TIMEOUT_AFTER_APPLY);
      service.charge(a, usd("5.00"));
      f.simulated.failNext(SimulatedFault.TIMEOUT_BEFORE_APPLY);
      service.charge(b, usd("7.00"));
      f.clock.advance(Duration.ofMinutes(6));
      futures.clear();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> service.janitor().run()));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      ids.add(a);
      ids.add(b);
    } finally {
      pool.shutdown();
    }
    for (PaymentId id : ids) {
      assertThat(f.simulated.records(id).moneyTakenCount()).as(id.value()).isEqualTo(1);
      assertThat(service.get(id).status()).isEqualTo(PaymentStatus.PAID);
    }
    // 22 payments, one capture or charge entry each.
    assertThat(f.ledger.entries()).hasSize(22);
    assertThat(f.ledger.balance(CASH, USD)).isEqualTo(usd("212.00"));
  }
}
