package dev.oficio.payments.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.payments.GatewayCall;
import dev.oficio.payments.GatewayOutcome;
import dev.oficio.payments.TransactionKind;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ProviderException;
import dev.oficio.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedGatewayTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final PaymentId PAY = PaymentId.of("pay-1");
  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T13:00:00Z"));
  private final SimulatedGateway gateway = SimulatedGateway.of(SimulatedProfile.STRIPE_LIKE, clock);

  private static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  private GatewayOutcome authorize(String key, String amount) {
    return gateway.authorize(
        new GatewayCall.Authorize(
            IdempotencyKey.of(key),
            PAY,
            CustomerId.of("c"),
            ProId.of("p"),
            usd(amount),
            "pm",
            null,
            false,
            Map.of()));
  }

  private GatewayOutcome capture(String key, String hold, String amount) {
    return gateway.capture(
        new GatewayCall.Capture(IdempotencyKey.of(key), PAY, hold, usd(amount), usd("0.00")));
  }

  private GatewayOutcome lookup(String key, TransactionKind kind) {
    return gateway.lookup(new GatewayCall.Lookup(IdempotencyKey.of(key), PAY, kind, null));
  }

  @Test
  void holdsLastSevenDaysAndCaptureOnce() {
    GatewayOutcome.Succeeded hold = (GatewayOutcome.Succeeded) authorize("a", "50.00");
    assertThat(hold.captureBefore()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
    assertThat(capture("c1", hold.providerReference(), "50.01"))
        .isInstanceOf(GatewayOutcome.Declined.class);
    assertThat(capture("c2", hold.providerReference(), "30.00"))
        .isInstanceOf(GatewayOutcome.Succeeded.class);
    // A second capture with another key is refused, as the provider does.
    assertThat(capture("c3", hold.providerReference(), "10.00"))
        .isEqualTo(new GatewayOutcome.Declined("payment_intent_unexpected_state", "succeeded"));
    assertThat(gateway.records(PAY).moneyTakenCount()).isEqualTo(1);
    assertThat(gateway.records(PAY).taken()).isEqualTo(usd("30.00"));
  }

  @Test
  void expiredHoldsCannotBeCaptured() {
    GatewayOutcome.Succeeded hold = (GatewayOutcome.Succeeded) authorize("a", "50.00");
    clock.advance(Duration.ofDays(7).plusSeconds(1));
    assertThat(capture("c", hold.providerReference(), "50.00"))
        .isEqualTo(new GatewayOutcome.Declined("hold_expired", "the hold expired"));
  }

  @Test
  void sameKeyReplaysTheFirstAnswerAndOtherParametersAreAnIdempotencyError() {
    GatewayOutcome first = authorize("a", "50.00");
    assertThat(authorize("a", "50.00")).isEqualTo(first);
    assertThat(authorize("a", "60.00"))
        .isInstanceOfSatisfying(
            GatewayOutcome.Declined.class,
            d -> assertThat(d.code()).isEqualTo("idempotency_error"));
  }

  @Test
  void lookupTellsTheTruthAfterATimeoutAfterApply() {
    gateway.failNext(SimulatedFault.TIMEOUT_AFTER_APPLY);
    assertThat(authorize("a", "50.00")).isInstanceOf(GatewayOutcome.Unknown.class);
    assertThat(lookup("a", TransactionKind.AUTHORIZE)).isInstanceOf(GatewayOutcome.Succeeded.class);
  }

  @Test
  void lookupSaysNotFoundAfterATimeoutBeforeApply() {
    gateway.failNext(SimulatedFault.TIMEOUT_BEFORE_APPLY);
    assertThat(authorize("a", "50.00")).isInstanceOf(GatewayOutcome.Unknown.class);
    assertThat(lookup("a", TransactionKind.AUTHORIZE))
        .isInstanceOfSatisfying(
            GatewayOutcome.Declined.class, d -> assertThat(d.isNotFound()).isTrue());
    assertThat(gateway.drainWebhooks()).isEmpty();
  }

  @Test
  void transientErrorsAreRetryableProviderExceptionsAndDeclinesReplay() {
    gateway.failNext(SimulatedFault.TRANSIENT_ERROR);
    assertThatThrownBy(() -> authorize("a", "50.00"))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());
    gateway.failNext(SimulatedFault.DECLINE);
    GatewayOutcome declined = authorize("b", "50.00");
    assertThat(declined).isInstanceOf(GatewayOutcome.Declined.class);
    assertThat(authorize("b", "50.00")).isEqualTo(declined);
    assertThat(gateway.faultsInjected()).isEqualTo(2);
  }

  @Test
  void refundsAndReversalsAreCappedByWhatWasMoved() {
    GatewayOutcome.Succeeded charge =
        (GatewayOutcome.Succeeded)
            gateway.charge(
                new GatewayCall.Charge(
                    IdempotencyKey.of("ch"),
                    PAY,
                    CustomerId.of("c"),
                    ProId.of("p"),
                    usd("100.00"),
                    "pm",
                    null,
                    usd("0.00"),
                    Map.of()));
    assertThat(
            gateway.refund(
                new GatewayCall.Refund(
                    IdempotencyKey.of("r1"),
                    PAY,
                    charge.providerReference(),
                    usd("100.01"),
                    false,
                    false)))
        .isInstanceOf(GatewayOutcome.Declined.class);
    GatewayOutcome.Succeeded transfer =
        (GatewayOutcome.Succeeded)
            gateway.transfer(
                new GatewayCall.Transfer(
                    IdempotencyKey.of("t"),
                    PAY,
                    ProId.of("p"),
                    "acct_1",
                    usd("80.00"),
                    charge.providerReference()));
    assertThat(
            gateway.transfer(
                new GatewayCall.Transfer(
                    IdempotencyKey.of("t2"),
                    PAY,
                    ProId.of("p"),
                    "acct_1",
                    usd("20.01"),
                    charge.providerReference())))
        .isInstanceOf(GatewayOutcome.Declined.class);
    assertThat(
            gateway.reverseTransfer(
                new GatewayCall.ReverseTransfer(
                    IdempotencyKey.of("v"), PAY, transfer.providerReference(), usd("80.01"))))
        .isInstanceOf(GatewayOutcome.Declined.class);
    gateway.reverseTransfer(
        new GatewayCall.ReverseTransfer(
            IdempotencyKey.of("v2"), PAY, transfer.providerReference(), usd("30.00")));
    assertThat(gateway.accountBalances()).containsEntry("acct_1", usd("50.00"));
    assertThat(gateway.records(PAY).platformCash()).isEqualTo(usd("50.00"));
  }

  @Test
  void theSameSeedInjectsTheSameFaults() {
    SimulatedGateway a = SimulatedGateway.withFaults(SimulatedProfile.ATH_LIKE, clock, 42, 500_000);
    SimulatedGateway b = SimulatedGateway.withFaults(SimulatedProfile.ATH_LIKE, clock, 42, 500_000);
    for (int i = 0; i < 50; i++) {
      GatewayCall.Charge call =
          new GatewayCall.Charge(
              IdempotencyKey.of("k" + i),
              PAY,
              CustomerId.of("c"),
              ProId.of("p"),
              usd("10.00"),
              "pm",
              null,
              usd("0.00"),
              Map.of());
      assertThat(outcomeOrError(() -> a.charge(call)))
          .isEqualTo(outcomeOrError(() -> b.charge(call)));
    }
    assertThat(a.faultsInjected()).isEqualTo(b.faultsInjected()).isPositive();
  }

  private static String outcomeOrError(java.util.function.Supplier<GatewayOutcome> call) {
    try {
      return call.get().toString();
    } catch (ProviderException e) {
      return e.code();
    }
  }

  @Test
  void athLikeProfileCannotHoldOrPayOut() {
    assertThat(SimulatedProfile.ATH_LIKE.capabilities().holds()).isFalse();
    assertThat(SimulatedProfile.ATH_LIKE.capabilities().transfers()).isFalse();
    assertThat(SimulatedProfile.ATH_LIKE.capabilities().maxAmount()).isEqualTo(usd("1500.00"));
    assertThat(SimulatedProfile.fromCliName("stripe-like")).isEqualTo(SimulatedProfile.STRIPE_LIKE);
    assertThatThrownBy(() -> SimulatedProfile.fromCliName("paypal"))
        .hasMessageContaining("stripe-like");
  }
}
