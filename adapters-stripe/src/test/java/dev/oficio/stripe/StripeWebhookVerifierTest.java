package dev.oficio.stripe;

import static dev.oficio.stripe.StripeStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.payments.GatewayOutcome;
import dev.oficio.payments.TransactionKind;
import dev.oficio.persistence.InMemoryInbox;
import dev.oficio.persistence.InboxEvent;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {
  private static final String SECRET = "whsec_" + "oficioCurrentSecret0001";
  private static final String OLD_SECRET = "whsec_" + "oficioRolledOutSecret01";
  private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");
  private static final long NOW_SECONDS = NOW.getEpochSecond();
  private static final Currency USD = Currency.getInstance("USD");

  private final StripeWebhookVerifier verifier =
      StripeWebhookVerifier.create(
          StripeConfig.builder()
              .secretKey("sk_test_oficio")
              .webhookSecret(SECRET)
              .webhookSecret(OLD_SECRET)
              .build(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  /** Stripe's scheme computed independently of stripe-java: hex HMAC-SHA256 of "t.body". */
  private static String sign(String body, String secret, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String header(String body, String secret, long timestamp) {
    return "t=" + timestamp + ",v1=" + sign(body, secret, timestamp);
  }

  private static String event(String name) {
    return fixture("events/" + name);
  }

  private StripeEvent verifySigned(String name) {
    String body = event(name);
    return verifier.verify(body, header(body, SECRET, NOW_SECONDS));
  }

  @Nested
  class Signatures {
    @Test
    void acceptsAValidSignature() {
      String body = event("payment_intent_amount_capturable_updated");

      StripeEvent event = verifier.verify(body, header(body, SECRET, NOW_SECONDS));

      assertThat(event.id()).isEqualTo("evt_3OficioHold0001");
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
      String body = event("payment_intent_amount_capturable_updated");

      assertThatThrownBy(
              () ->
                  verifier.verify(
                      body, header(body, "whsec_" + "somebodyElse0000000", NOW_SECONDS)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("signature")
          .hasMessageContaining("no v1 signature");
    }

    @Test
    void rejectsATamperedBody() {
      String body = event("payment_intent_amount_capturable_updated");
      String signature = header(body, SECRET, NOW_SECONDS);
      String tampered = body.replace("\"amount\": 25000", "\"amount\": 2500000");
      assertThat(tampered).isNotEqualTo(body);

      assertThatThrownBy(() -> verifier.verify(tampered, signature))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("no v1 signature");
    }

    @Test
    void rejectsATimestampOlderThanTheTolerance() {
      String body = event("payment_intent_amount_capturable_updated");
      long expired = NOW_SECONDS - 301;

      assertThatThrownBy(() -> verifier.verify(body, header(body, SECRET, expired)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("older than the tolerance");
    }

    @Test
    void acceptsATimestampJustInsideTheTolerance() {
      String body = event("payment_intent_amount_capturable_updated");

      assertThat(verifier.verify(body, header(body, SECRET, NOW_SECONDS - 299)).id())
          .isEqualTo("evt_3OficioHold0001");
      assertThat(verifier.verify(body, header(body, SECRET, NOW_SECONDS + 299)).id())
          .isEqualTo("evt_3OficioHold0001");
    }

    @Test
    void rejectsATimestampFurtherInTheFutureThanTheTolerance() {
      String body = event("payment_intent_amount_capturable_updated");
      long future = NOW_SECONDS + 301;

      assertThatThrownBy(() -> verifier.verify(body, header(body, SECRET, future)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("future");
    }

    @Test
    void acceptsAnyMatchingV1AmongSeveral() {
      String body = event("payment_intent_amount_capturable_updated");
      String header =
          "t="
              + NOW_SECONDS
              + ",v1="
              + sign(body, "whsec_" + "unrelated000000000000", NOW_SECONDS)
              + ",v1="
              + sign(body, SECRET, NOW_SECONDS)
              + ",v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";

      assertThat(verifier.verify(body, header).id()).isEqualTo("evt_3OficioHold0001");
    }

    @Test
    void acceptsTheOldSecretWhileItIsBeingRolled() {
      String body = event("payment_intent_amount_capturable_updated");

      assertThat(verifier.verify(body, header(body, OLD_SECRET, NOW_SECONDS)).id())
          .isEqualTo("evt_3OficioHold0001");
    }

    @Test
    void rejectsAMissingOrMalformedHeader() {
      String body = event("payment_intent_amount_capturable_updated");

      assertThatThrownBy(() -> verifier.verify(body, null))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Stripe-Signature");
      assertThatThrownBy(() -> verifier.verify(body, "v1=abc"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("no timestamp");
      assertThatThrownBy(() -> verifier.verify(body, "t=yesterday,v1=abc"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("malformed");
      assertThatThrownBy(() -> verifier.verify(body, "t=" + NOW_SECONDS))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Stripe-Signature");
    }

    @Test
    void rejectsASignedBodyThatIsNotAnEvent() {
      String body = "{\"hello\": \"world\"}";

      assertThatThrownBy(() -> verifier.verify(body, header(body, SECRET, NOW_SECONDS)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("body");
    }

    @Test
    void needsAWebhookSecret() {
      StripeConfig noSecret = StripeConfig.builder().secretKey("sk_test_oficio").build();

      assertThatThrownBy(() -> StripeWebhookVerifier.create(noSecret, Clock.systemUTC()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("webhookSecrets");
    }
  }

  @Nested
  class Deliveries {
    @Test
    void storesTheFirstDeliveryAndRecognisesTheDuplicate() {
      InMemoryInbox inbox = new InMemoryInbox();
      String body = event("payment_intent_succeeded");
      String header = header(body, SECRET, NOW_SECONDS);

      StripeDelivery first = verifier.receive(body, header, inbox);
      inbox.markProcessed("stripe", first.event().id(), NOW);
      StripeDelivery again = verifier.receive(body, header, inbox);

      assertThat(first.duplicate()).isFalse();
      assertThat(first.shouldApply()).isTrue();
      assertThat(again.duplicate()).isTrue();
      assertThat(again.shouldApply()).isFalse();
      assertThat(inbox.unprocessed(10)).isEmpty();
    }

    @Test
    void redeliversAnEventStoredButNeverApplied() {
      InMemoryInbox inbox = new InMemoryInbox();
      String body = event("payment_intent_succeeded");
      String header = header(body, SECRET, NOW_SECONDS);

      verifier.receive(body, header, inbox);
      // The host crashed before applying it; Stripe delivers it again.
      StripeDelivery again = verifier.receive(body, header, inbox);

      assertThat(again.duplicate()).isFalse();
      assertThat(again.shouldApply()).isTrue();
      List<InboxEvent> stored = inbox.unprocessed(10);
      assertThat(stored).hasSize(1);
      assertThat(stored.get(0).provider()).isEqualTo("stripe");
      assertThat(stored.get(0).eventId()).isEqualTo("evt_3OficioCapt0001");
      assertThat(stored.get(0).type()).isEqualTo("payment_intent.succeeded");
      assertThat(stored.get(0).rawBody()).isEqualTo(body);
      assertThat(stored.get(0).receivedAt()).isEqualTo(NOW);
    }

    @Test
    void storesUnknownTypesAndMarksThemProcessedWithoutApplying() {
      InMemoryInbox inbox = new InMemoryInbox();
      String body = event("customer_created");

      StripeDelivery delivery = verifier.receive(body, header(body, SECRET, NOW_SECONDS), inbox);

      assertThat(delivery.event().kind()).isEqualTo(StripeEventKind.IGNORED);
      assertThat(delivery.event().ignored()).isTrue();
      assertThat(delivery.shouldApply()).isFalse();
      assertThat(inbox.isProcessed("stripe", "evt_1OficioCust0001")).isTrue();
      assertThat(inbox.unprocessed(10)).isEmpty();
    }

    @Test
    void doesNotStoreADeliveryThatFailsVerification() {
      InMemoryInbox inbox = new InMemoryInbox();
      String body = event("payment_intent_succeeded");

      assertThatThrownBy(
              () ->
                  verifier.receive(body, header(body, "whsec_forged000000000", NOW_SECONDS), inbox))
          .isInstanceOf(ValidationException.class);
      assertThat(inbox.unprocessed(10)).isEmpty();
    }
  }

  @Nested
  class Mapping {
    @Test
    void mapsAHoldPlacedToAuthorizedWithTheCapturableAmount() {
      StripeEvent event = verifySigned("payment_intent_amount_capturable_updated");

      assertThat(event.type()).isEqualTo("payment_intent.amount_capturable_updated");
      assertThat(event.kind()).isEqualTo(StripeEventKind.PAYMENT_AUTHORIZED);
      assertThat(event.created()).isEqualTo(Instant.parse("2023-04-06T17:03:20Z"));
      assertThat(event.livemode()).isFalse();
      assertThat(event.paymentIntent()).isEqualTo("pi_3OficioHold0001");
      assertThat(event.charge()).isEqualTo("ch_3OficioHold0001");
      assertThat(event.payment()).isEqualTo(PaymentId.of("pay-000001"));
      assertThat(event.amount()).isEqualTo(Money.of("250.00", USD));
      assertThat(event.status()).isEqualTo("requires_capture");
      assertThat(event.transaction()).isEqualTo(TransactionKind.AUTHORIZE);
      assertThat(event.idempotencyKey()).isEqualTo(new IdempotencyKey("authorize:pay-000001"));
      // Webhooks do not expand the charge, so the hold's expiry comes from a look-up.
      assertThat(event.outcome())
          .isEqualTo(
              new GatewayOutcome.Succeeded("pi_3OficioHold0001", Money.of("250.00", USD), null));
    }

    @Test
    void aCaptureMadeThroughTheApiCarriesTheCapturesKey() {
      String body =
          event("payment_intent_succeeded")
              .replace(
                  "\"idempotency_key\": \"authorize:pay-000001\"",
                  "\"idempotency_key\": \"capture:pay-000001:1\"");

      StripeEvent event = verifier.verify(body, header(body, SECRET, NOW_SECONDS));

      assertThat(event.transaction()).isEqualTo(TransactionKind.CAPTURE);
      assertThat(event.idempotencyKey()).isEqualTo(new IdempotencyKey("capture:pay-000001:1"));
      assertThat(event.outcome())
          .isEqualTo(
              new GatewayOutcome.Succeeded("pi_3OficioHold0001", Money.of("200.00", USD), null));
    }

    @Test
    void mapsASucceededIntentWithTheReceivedAmount() {
      StripeEvent event = verifySigned("payment_intent_succeeded");

      assertThat(event.kind()).isEqualTo(StripeEventKind.PAYMENT_SUCCEEDED);
      assertThat(event.amount()).isEqualTo(Money.of("200.00", USD));
    }

    @Test
    void mapsAnEventOfAnotherApiVersion() {
      StripeEvent event = verifySigned("payment_intent_succeeded_old_api");

      assertThat(event.kind()).isEqualTo(StripeEventKind.PAYMENT_SUCCEEDED);
      assertThat(event.paymentIntent()).isEqualTo("pi_3OficioHold0001");
      assertThat(event.amount()).isEqualTo(Money.of("200.00", USD));
    }

    @Test
    void mapsAFailedPaymentWithItsDeclineCode() {
      StripeEvent event = verifySigned("payment_intent_payment_failed");

      assertThat(event.kind()).isEqualTo(StripeEventKind.PAYMENT_FAILED);
      assertThat(event.reason()).isEqualTo("insufficient_funds");
      assertThat(event.transaction()).isEqualTo(TransactionKind.AUTHORIZE);
      assertThat(event.outcome())
          .isEqualTo(
              new GatewayOutcome.Declined(
                  "insufficient_funds", "Your card has insufficient funds."));
    }

    @Test
    void mapsARefundWithTheAmountRefundedSoFar() {
      StripeEvent event = verifySigned("charge_refunded");

      assertThat(event.kind()).isEqualTo(StripeEventKind.CHARGE_REFUNDED);
      assertThat(event.charge()).isEqualTo("ch_3OficioHold0001");
      assertThat(event.paymentIntent()).isEqualTo("pi_3OficioHold0001");
      assertThat(event.payment()).isEqualTo(PaymentId.of("pay-000001"));
      assertThat(event.amount()).isEqualTo(Money.of("50.00", USD));
      // The refund itself is not named by the event: it is settled by a look-up.
      assertThat(event.transaction()).isNull();
      assertThat(event.outcome()).isNull();
    }

    @Test
    void mapsADisputeWithItsReasonAndCharge() {
      StripeEvent event = verifySigned("charge_dispute_created");

      assertThat(event.kind()).isEqualTo(StripeEventKind.DISPUTE_CREATED);
      assertThat(event.objectId()).isEqualTo("dp_1OficioDispute1");
      assertThat(event.charge()).isEqualTo("ch_3OficioHold0001");
      assertThat(event.paymentIntent()).isEqualTo("pi_3OficioHold0001");
      assertThat(event.amount()).isEqualTo(Money.of("250.00", USD));
      assertThat(event.reason()).isEqualTo("fraudulent");
      assertThat(event.status()).isEqualTo("needs_response");
    }

    @Test
    void mapsTransfersAndTheirReversals() {
      StripeEvent created = verifySigned("transfer_created");
      StripeEvent reversed = verifySigned("transfer_reversed");

      assertThat(created.kind()).isEqualTo(StripeEventKind.TRANSFER_CREATED);
      assertThat(created.objectId()).isEqualTo("tr_1OficioTransfer1");
      assertThat(created.charge()).isEqualTo("ch_3OficioHold0001");
      assertThat(created.payment()).isEqualTo(PaymentId.of("pay-000001"));
      assertThat(created.amount()).isEqualTo(Money.of("220.00", USD));
      assertThat(created.transaction()).isEqualTo(TransactionKind.TRANSFER);
      assertThat(created.outcome())
          .isEqualTo(
              new GatewayOutcome.Succeeded("tr_1OficioTransfer1", Money.of("220.00", USD), null));
      assertThat(reversed.transaction()).isNull();
      assertThat(reversed.kind()).isEqualTo(StripeEventKind.TRANSFER_REVERSED);
      assertThat(reversed.amount()).isEqualTo(Money.of("20.00", USD));
    }

    @Test
    void mapsAnAccountUpdateToThePayeesStatus() {
      StripeEvent event = verifySigned("account_updated");

      assertThat(event.kind()).isEqualTo(StripeEventKind.ACCOUNT_UPDATED);
      assertThat(event.account()).isEqualTo("acct_1OficioPro17");
      assertThat(event.payee())
          .isEqualTo(
              new StripePayeeStatus(
                  "acct_1OficioPro17",
                  ProId.of("p-17"),
                  true,
                  true,
                  true,
                  List.of(),
                  List.of(),
                  null));
      assertThat(event.payee().canBePaid()).isTrue();
    }

    @Test
    void mapsEveryEventTypeOficioActsOn() {
      assertThat(StripeEventKind.of("payment_intent.created"))
          .isEqualTo(StripeEventKind.PAYMENT_UPDATED);
      assertThat(StripeEventKind.of("payment_intent.partially_funded"))
          .isEqualTo(StripeEventKind.PAYMENT_UPDATED);
      assertThat(StripeEventKind.of("payment_intent.canceled"))
          .isEqualTo(StripeEventKind.PAYMENT_CANCELED);
      assertThat(StripeEventKind.of("payment_intent.processing"))
          .isEqualTo(StripeEventKind.PAYMENT_PROCESSING);
      assertThat(StripeEventKind.of("payment_intent.requires_action"))
          .isEqualTo(StripeEventKind.PAYMENT_REQUIRES_ACTION);
      assertThat(StripeEventKind.of("transfer.updated"))
          .isEqualTo(StripeEventKind.TRANSFER_UPDATED);
      assertThat(StripeEventKind.of("charge.succeeded")).isEqualTo(StripeEventKind.IGNORED);
      assertThat(StripeEventKind.of("invoice.paid")).isEqualTo(StripeEventKind.IGNORED);
      assertThat(StripeEventKind.of(null)).isEqualTo(StripeEventKind.IGNORED);
    }
  }
}
