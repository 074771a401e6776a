package dev.oficio.payments;

import dev.oficio.ledger.InMemoryLedgerJournal;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.persistence.InMemoryInbox;
import dev.oficio.persistence.InMemoryOutbox;
import dev.oficio.persistence.InMemoryTimers;
import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * Stores, a simulated gateway and a service over them; a new service can be built over the same
 * stores (a restart).
 */
final class PaymentFixture {
  static final Currency USD = Currency.getInstance("USD");
  static final Instant T0 = Instant.parse("2027-03-01T13:00:00Z");
  static final ProId PRO = ProId.of("p-1");

  final MutableClock clock = new MutableClock(T0);
  final InMemoryPayments payments = new InMemoryPayments();
  final InMemoryPayeeAccounts payees = new InMemoryPayeeAccounts();
  final InMemoryLedgerJournal ledger = new InMemoryLedgerJournal();
  final InMemoryOutbox outbox = new InMemoryOutbox();
  final InMemoryInbox inbox = new InMemoryInbox();
  final InMemoryTimers timers = new InMemoryTimers();
  final TransactionRunner tx = TransactionRunner.inMemory();
  final IdGenerator ids = IdGenerator.sequential();
  final SimulatedGateway simulated;

  PaymentFixture(SimulatedProfile profile) {
    this.simulated = SimulatedGateway.of(profile, clock);
  }

  PaymentService service() {
    return service(simulated);
  }

  PaymentService service(PaymentGateway gateway) {
    return PaymentService.builder()
        .payments(payments)
        .payees(payees)
        .gateway(gateway)
        .ledger(ledger)
        .outbox(outbox)
        .inbox(inbox)
        .timers(timers)
        .transactions(tx)
        .clock(clock)
        .ids(ids)
        .settleAfter(Duration.ofMinutes(5))
        .janitor(Duration.ofMinutes(1), 4, 50)
        .verifier(simulated.verifier())
        .build();
  }

  void enablePayouts() {
    PayeeService service = new PayeeService(payees, tx, clock);
    service.register(PRO, SimulatedGateway.PROVIDER, "acct_1");
    service.update(PRO, OnboardingStatus.COMPLETE, true, List.of());
  }

  Payment open(PaymentService service) {
    return service.open("job-1", CustomerId.of("c-1"), PRO, USD, "pm_1");
  }

  static Money usd(String amount) {
    return Money.of(amount, USD);
  }
}
