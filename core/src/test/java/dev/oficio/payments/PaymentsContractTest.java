package dev.oficio.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Payments} repository meets. Adapters extend it with their
 * implementation (published in core's test-jar).
 */
public abstract class PaymentsContractTest {
  /** For subclasses that bind the contract to an implementation. */
  protected PaymentsContractTest() {}

  protected static final Currency USD = Currency.getInstance("USD");
  protected static final Instant T0 = Instant.parse("2027-03-01T13:00:00Z");

  private Payments payments;

  /** A new, empty repository. */
  protected abstract Payments newPayments();

  /** The unit-of-work runner the repository needs; in-memory by default. */
  protected TransactionRunner transactions() {
    return TransactionRunner.inMemory();
  }

  @BeforeEach
  void createRepository() {
    payments = newPayments();
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().inTransaction(work);
  }

  private static Payment open(String id) {
    return Payment.open(
        PaymentId.of(id), "job-" + id, CustomerId.of("c-1"), ProId.of("p-1"), USD, "pm_1", T0);
  }

  private static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  /** A payment with every kind of field set: a captured hold, a release, an open refund. */
  private static Payment rich(String id) {
    Payment p = open(id);
    p =
        p.begin(
            TransactionKind.AUTHORIZE,
            IdempotencyKey.of("authorize", id),
            usd("100.00"),
            null,
            "",
            T0,
            T0.plusSeconds(300));
    p =
        p.settle(
            IdempotencyKey.of("authorize", id),
            new GatewayOutcome.Succeeded("pi_1", usd("100.00"), T0.plus(Duration.ofDays(7))),
            T0,
            T0);
    p = p.requestRelease(usd("13.38"), usd("1.38"), true);
    p =
        p.begin(
            TransactionKind.CAPTURE,
            IdempotencyKey.of("capture", id),
            usd("100.00"),
            null,
            "",
            T0,
            T0.plusSeconds(300));
    p =
        p.settle(
            IdempotencyKey.of("capture", id),
            new GatewayOutcome.Succeeded("pi_1", usd("100.00"), null),
            T0,
            T0);
    p = p.markReleaseRecorded();
    p =
        p.begin(
            TransactionKind.REFUND,
            IdempotencyKey.of("refund", id, "1"),
            usd("10.00"),
            usd("1.20"),
            "note",
            T0,
            T0.plusSeconds(300));
    p =
        p.settle(
            IdempotencyKey.of("refund", id, "1"),
            new GatewayOutcome.Unknown("timeout"),
            T0,
            T0.plusSeconds(600));
    return p.recordCheck(IdempotencyKey.of("refund", id, "1"), T0.plusSeconds(900), true);
  }

  @Test
  void savesAndFindsAPaymentWithEveryField() {
    Payment saved = tx(() -> payments.save(rich("pay-1")));
    assertThat(saved.version()).isEqualTo(1);
    Payment found = tx(() -> payments.find(PaymentId.of("pay-1"))).orElseThrow();
    assertThat(found).isEqualTo(saved);
    assertThat(found.transactions()).isEqualTo(rich("pay-1").transactions());
    assertThat(found.release()).isEqualTo(rich("pay-1").release());
    assertThat(found.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(tx(() -> payments.find(PaymentId.of("missing")))).isEmpty();
  }

  @Test
  void eachSaveBumpsTheVersionAndStaleWritesAreRejected() {
    Payment v1 = tx(() -> payments.save(open("pay-1")));
    Payment changed =
        v1.begin(
            TransactionKind.CHARGE,
            IdempotencyKey.of("charge", "pay-1"),
            usd("5.00"),
            null,
            "",
            T0,
            T0);
    Payment v2 = tx(() -> payments.save(changed));
    assertThat(v2.version()).isEqualTo(2);
    assertThatThrownBy(() -> tx(() -> payments.save(changed)))
        .isInstanceOf(ConcurrencyException.class);
    assertThatThrownBy(() -> tx(() -> payments.save(open("pay-1"))))
        .isInstanceOf(ConcurrencyException.class);
    assertThat(tx(() -> payments.find(PaymentId.of("pay-1"))).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void findDueReturnsPaymentsWithOpenTransactionsDueByNowEarliestFirst() {
    Payment late =
        open("pay-late")
            .begin(
                TransactionKind.CHARGE,
                IdempotencyKey.of("charge", "late"),
                usd("1.00"),
                null,
                "",
                T0,
                T0.plusSeconds(600));
    Payment early =
        open("pay-early")
            .begin(
                TransactionKind.CHARGE,
                IdempotencyKey.of("charge", "early"),
                usd("1.00"),
                null,
                "",
                T0,
                T0.plusSeconds(60));
    Payment settled =
        open("pay-done")
            .begin(
                TransactionKind.CHARGE,
                IdempotencyKey.of("charge", "done"),
                usd("1.00"),
                null,
                "",
                T0,
                T0)
            .settle(
                IdempotencyKey.of("charge", "done"),
                new GatewayOutcome.Succeeded("ch_1", usd("1.00"), null),
                T0,
                T0);
    tx(() -> payments.save(late));
    tx(() -> payments.save(early));
    tx(() -> payments.save(settled));
    tx(() -> payments.save(open("pay-new")));

    assertThat(tx(() -> payments.findDue(T0, 10))).isEmpty();
    assertThat(tx(() -> payments.findDue(T0.plusSeconds(60), 10)))
        .extracting(p -> p.id().value())
        .containsExactly("pay-early");
    assertThat(tx(() -> payments.findDue(T0.plusSeconds(600), 10)))
        .extracting(p -> p.id().value())
        .containsExactly("pay-early", "pay-late");
    assertThat(tx(() -> payments.findDue(T0.plusSeconds(600), 1))).hasSize(1);
  }
}
