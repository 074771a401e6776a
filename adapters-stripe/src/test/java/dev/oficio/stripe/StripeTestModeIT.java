package dev.oficio.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oficio.payments.GatewayCall;
import dev.oficio.payments.GatewayOutcome;
import dev.oficio.payments.PaymentGateway;
import dev.oficio.payments.TransactionKind;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opt-in: runs a real hold → capture → refund against Stripe test mode when {@code STRIPE_TEST_KEY}
 * (an {@code sk_test_…} key) is set; skipped with a message otherwise. Uses Stripe's test card
 * {@code pm_card_visa}; moves no real money.
 */
class StripeTestModeIT {
  private static final Currency USD = Currency.getInstance("USD");
  private String key;

  @BeforeEach
  void needsATestKey() {
    key = System.getenv("STRIPE_TEST_KEY");
    assumeTrue(
        key != null && key.startsWith("sk_test_"),
        "STRIPE_TEST_KEY is not set to an sk_test_ key: skipping the real Stripe test-mode run");
  }

  @Test
  void holdsCapturesPartAndRefundsInTestMode() {
    PaymentGateway gateway =
        StripeAdapters.paymentGateway(StripeConfig.builder().secretKey(key).build());
    // A fresh payment per run: Stripe replays idempotency keys for 24 hours.
    PaymentId payment = PaymentId.of("it-" + UUID.randomUUID());

    GatewayOutcome hold =
        gateway.authorize(
            new GatewayCall.Authorize(
                IdempotencyKey.of("authorize", payment),
                payment,
                CustomerId.of("c-it"),
                ProId.of("p-it"),
                Money.of("25.00", USD),
                "pm_card_visa",
                null,
                false,
                Map.of()));
    assertThat(hold).isInstanceOf(GatewayOutcome.Succeeded.class);
    GatewayOutcome.Succeeded held = (GatewayOutcome.Succeeded) hold;
    assertThat(held.amount()).isEqualTo(Money.of("25.00", USD));
    assertThat(held.holdExpiry()).hasValueSatisfying(at -> assertThat(at).isAfter(Instant.now()));

    GatewayOutcome capture =
        gateway.capture(
            new GatewayCall.Capture(
                IdempotencyKey.of("capture", payment, 1),
                payment,
                held.providerReference(),
                Money.of("20.00", USD),
                Money.zero(USD)));
    assertThat(capture)
        .isEqualTo(
            new GatewayOutcome.Succeeded(held.providerReference(), Money.of("20.00", USD), null));

    GatewayOutcome refund =
        gateway.refund(
            new GatewayCall.Refund(
                IdempotencyKey.of("refund", payment, 1),
                payment,
                held.providerReference(),
                Money.of("5.00", USD),
                false,
                false));
    assertThat(refund)
        .isInstanceOfAny(GatewayOutcome.Succeeded.class, GatewayOutcome.Pending.class);

    GatewayOutcome lookedUp =
        gateway.lookup(
            new GatewayCall.Lookup(
                IdempotencyKey.of("capture", payment, 1),
                payment,
                TransactionKind.CAPTURE,
                held.providerReference()));
    assertThat(lookedUp).isInstanceOf(GatewayOutcome.Succeeded.class);
  }
}
