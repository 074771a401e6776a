package dev.oficio.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class PaymentTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant T0 = Instant.parse("2027-03-01T13:00:00Z");
  private static final PaymentId ID = PaymentId.of("pay-1");

  private static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  private static IdempotencyKey key(String value) {
    return IdempotencyKey.of(value);
  }

  private static Payment open() {
    return Payment.open(ID, "job-1", CustomerId.of("c-1"), ProId.of("p-1"), USD, "pm_1", T0);
  }

  private static Payment begin(Payment p, TransactionKind kind, String key, String amount) {
    return begin(p, kind, key, amount, "0.00");
  }

  private static Payment begin(
      Payment p, TransactionKind kind, String key, String amount, String fee) {
    return p.begin(kind, key(key), usd(amount), usd(fee), "", T0, T0);
  }

  private static Payment succeed(Payment p, String key, String reference, String amount) {
    return p.settle(key(key), new GatewayOutcome.Succeeded(reference, usd(amount), null), T0, T0);
  }

  private static Payment authorized(String amount) {
    return succeed(
        begin(open(), TransactionKind.AUTHORIZE, "authorize", amount), "authorize", "pi_1", amount);
  }

  private static Payment captured(String amount) {
    Payment p = authorized(amount);
    return succeed(begin(p, TransactionKind.CAPTURE, "capture", amount), "capture", "pi_1", amount);
  }

  @Test
  void newPaymentHasNoTransactions() {
    assertThat(open().status()).isEqualTo(PaymentStatus.NEW);
    assertThat(open().taken()).isEqualTo(Money.zero(USD));
  }

  @Test
  void authorizeInFlightIsProcessingThenAuthorized() {
    Payment p = begin(open(), TransactionKind.AUTHORIZE, "authorize", "100.00");
    assertThat(p.status()).isEqualTo(PaymentStatus.PROCESSING);
    assertThat(p.transactions().get(0).status()).isEqualTo(TransactionStatus.PENDING);
    p = p.settle(key("authorize"), new GatewayOutcome.Unknown("timeout"), T0, T0);
    assertThat(p.transactions().get(0).status()).isEqualTo(TransactionStatus.UNKNOWN);
    p = succeed(p, "authorize", "pi_1", "100.00");
    assertThat(p.status()).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(p.authorized()).isEqualTo(usd("100.00"));
  }

  @Test
  void declinedAuthorizationFailsThePaymentForGood() {
    Payment p = begin(open(), TransactionKind.AUTHORIZE, "authorize", "100.00");
    p = p.settle(key("authorize"), new GatewayOutcome.Declined("card_declined", ""), T0, T0);
    assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(p.transactions().get(0).declineCode()).isEqualTo("card_declined");
    Payment failed = p;
    assertThatThrownBy(() -> begin(failed, TransactionKind.CHARGE, "charge", "100.00"))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void rejectsCaptureAboveAuthorizedAmount() {
    assertThatThrownBy(
            () -> begin(authorized("100.00"), TransactionKind.CAPTURE, "capture", "100.01"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("exceeds the authorized");
  }

  @Test
  void rejectsCaptureWithoutASuccessfulHold() {
    Payment pending = begin(open(), TransactionKind.AUTHORIZE, "authorize", "100.00");
    assertThatThrownBy(() -> begin(pending, TransactionKind.CAPTURE, "capture", "10.00"))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> begin(open(), TransactionKind.CAPTURE, "capture", "10.00"))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void rejectsASecondCaptureEvenWhileTheFirstIsInFlight() {
    Payment inFlight = begin(authorized("100.00"), TransactionKind.CAPTURE, "capture", "40.00");
    assertThatThrownBy(() -> begin(inFlight, TransactionKind.CAPTURE, "capture-2", "40.00"))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void capturedPaymentIsPaidAndCannotBeVoided() {
    Payment p = captured("100.00");
    assertThat(p.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(p.taken()).isEqualTo(usd("100.00"));
    assertThatThrownBy(() -> begin(p, TransactionKind.VOID, "void", "100.00"))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void voidedPaymentIsTerminal() {
    Payment p = begin(authorized("100.00"), TransactionKind.VOID, "void", "100.00");
    p = succeed(p, "void", "pi_1", "100.00");
    assertThat(p.status()).isEqualTo(PaymentStatus.VOIDED);
    Payment voided = p;
    for (TransactionKind kind : TransactionKind.values()) {
      assertThatThrownBy(() -> begin(voided, kind, "after-" + kind, "1.00"))
          .as(kind.name())
          .isInstanceOf(IllegalTransitionException.class);
    }
  }

  @Test
  void rejectsRefundAboveCapturedPlusCharged() {
    Payment p = captured("100.00");
    Payment partly = begin(p, TransactionKind.REFUND, "refund:1", "60.00");
    // The first refund is still in flight: it counts against the limit.
    assertThatThrownBy(() -> begin(partly, TransactionKind.REFUND, "refund:2", "40.01"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("refundable");
    Payment ok = begin(partly, TransactionKind.REFUND, "refund:2", "40.00");
    ok = succeed(ok, "refund:1", "re_1", "60.00");
    ok = succeed(ok, "refund:2", "re_2", "40.00");
    assertThat(ok.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(ok.refunded()).isEqualTo(usd("100.00"));
  }

  @Test
  void declinedRefundFreesItsAmount() {
    Payment p = begin(captured("100.00"), TransactionKind.REFUND, "refund:1", "100.00");
    p = p.settle(key("refund:1"), new GatewayOutcome.Declined("expired_card", ""), T0, T0);
    assertThat(begin(p, TransactionKind.REFUND, "refund:2", "100.00").transactions()).hasSize(4);
  }

  @Test
  void rejectsRefundOfAHoldThatWasNeverCaptured() {
    assertThatThrownBy(() -> begin(authorized("50.00"), TransactionKind.REFUND, "refund:1", "1.00"))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void rejectsTransferBeforeTheRelease() {
    assertThatThrownBy(
            () -> begin(captured("100.00"), TransactionKind.TRANSFER, "transfer:1", "1.00"))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void rejectsTransferAboveWhatTheProIsOwed() {
    Payment p = captured("100.00").requestRelease(usd("12.00"), true).markReleaseRecorded();
    assertThat(p.proOwed()).isEqualTo(usd("88.00"));
    assertThatThrownBy(() -> begin(p, TransactionKind.TRANSFER, "transfer:1", "88.01"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("owed");
    Payment half = begin(p, TransactionKind.TRANSFER, "transfer:1", "50.00");
    assertThatThrownBy(() -> begin(half, TransactionKind.TRANSFER, "transfer:2", "38.01"))
        .isInstanceOf(ValidationException.class);
    assertThat(begin(half, TransactionKind.TRANSFER, "transfer:2", "38.00").transactions())
        .hasSize(4);
  }

  @Test
  void refundAfterReleaseLowersWhatTheProIsOwedByTheirShare() {
    Payment p = captured("100.00").requestRelease(usd("12.00"), true).markReleaseRecorded();
    p = begin(p, TransactionKind.REFUND, "refund:1", "50.00", "6.00");
    assertThat(p.proOwed()).isEqualTo(usd("44.00"));
    Payment refunding = p;
    assertThatThrownBy(() -> begin(refunding, TransactionKind.REFUND, "refund:2", "50.00", "6.01"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("fee");
  }

  @Test
  void rejectsReversalAboveWhatWasTransferred() {
    Payment p = captured("100.00").requestRelease(usd("12.00"), true).markReleaseRecorded();
    p =
        succeed(
            begin(p, TransactionKind.TRANSFER, "transfer:1", "88.00"),
            "transfer:1",
            "tr_1",
            "88.00");
    Payment paid = p;
    assertThatThrownBy(() -> begin(paid, TransactionKind.TRANSFER_REVERSAL, "rev:1", "88.01"))
        .isInstanceOf(ValidationException.class);
    Payment reversed =
        succeed(
            begin(paid, TransactionKind.TRANSFER_REVERSAL, "rev:1", "88.00"),
            "rev:1",
            "trr_1",
            "88.00");
    assertThat(reversed.transferredNet()).isEqualTo(Money.zero(USD));
  }

  @Test
  void settledTransactionsNeverMoveBackwards() {
    Payment p = captured("100.00");
    Payment again =
        p.settle(key("capture"), new GatewayOutcome.Declined("late", ""), T0, T0)
            .settle(key("capture"), new GatewayOutcome.Unknown("late timeout"), T0, T0)
            .settle(key("capture"), new GatewayOutcome.Pending("pi_1"), T0, T0);
    assertThat(again).isSameAs(p);
    assertThat(again.status()).isEqualTo(PaymentStatus.PAID);
  }

  @Test
  void aSuccessForAnotherAmountStaysOpenForAnOperator() {
    Payment p = begin(open(), TransactionKind.CHARGE, "charge", "100.00");
    p = succeed(p, "charge", "ch_1", "99.00");
    assertThat(p.transactions().get(0).status()).isEqualTo(TransactionStatus.UNKNOWN);
    assertThat(p.taken()).isEqualTo(Money.zero(USD));
  }

  @Test
  void rejectsReusedKeysAndBadAmounts() {
    Payment p = begin(open(), TransactionKind.CHARGE, "charge", "100.00");
    assertThatThrownBy(() -> begin(p, TransactionKind.CHARGE, "charge", "100.00"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> begin(open(), TransactionKind.CHARGE, "charge", "0.00"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                open()
                    .begin(
                        TransactionKind.CHARGE,
                        key("c"),
                        Money.of("1.00", Currency.getInstance("EUR")),
                        null,
                        "",
                        T0,
                        T0))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> begin(open(), TransactionKind.CHARGE, "charge", "10.00", "10.01"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void releaseWaitsForTheMoneyAndForOpenRefunds() {
    Payment p = authorized("100.00").requestRelease(usd("12.00"), false);
    assertThat(p.releaseDue()).isFalse();
    assertThatThrownBy(
            () ->
                authorized("1.00")
                    .requestRelease(usd("1.00"), false)
                    .requestRelease(usd("1.00"), false))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> open().requestRelease(usd("1.00"), false))
        .isInstanceOf(IllegalTransitionException.class);
    Payment taken =
        succeed(
            begin(p, TransactionKind.CAPTURE, "capture", "100.00"), "capture", "pi_1", "100.00");
    assertThat(taken.releaseDue()).isTrue();
    Payment released = taken.markReleaseRecorded();
    assertThat(released.release().orElseThrow().proShare()).isEqualTo(usd("88.00"));
  }
}
