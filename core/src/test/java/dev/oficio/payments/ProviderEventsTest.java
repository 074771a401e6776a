package dev.oficio.payments;

import static dev.oficio.payments.PaymentFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.payments.simulated.SimulatedFault;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.payments.simulated.SimulatedWebhook;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderEventsTest {
  private final PaymentFixture f = new PaymentFixture(SimulatedProfile.STRIPE_LIKE);
  private final PaymentService service = f.service();

  private ProviderEvents.Result deliver(SimulatedWebhook w) {
    return service.providerEvents().accept(SimulatedGateway.PROVIDER, w.body(), w.headers());
  }

  @Test
  void webhookSettlesAnUnknownTransactionAndDuplicatesAreIgnored() {
    PaymentId id = f.open(service).id();
    f.simulated.failNext(SimulatedFault.TIMEOUT_AFTER_APPLY);
    assertThat(service.charge(id, usd("25.00")).status()).isEqualTo(TransactionStatus.UNKNOWN);
    List<SimulatedWebhook> hooks = f.simulated.drainWebhooks();
    assertThat(hooks).hasSize(1);

    assertThat(deliver(hooks.get(0))).isEqualTo(ProviderEvents.Result.APPLIED);
    assertThat(service.get(id).status()).isEqualTo(PaymentStatus.PAID);
    assertThat(deliver(hooks.get(0))).isEqualTo(ProviderEvents.Result.DUPLICATE);
    assertThat(f.ledger.entries()).hasSize(1);
    assertThat(f.inbox.isProcessed(SimulatedGateway.PROVIDER, hooks.get(0).eventId())).isTrue();
  }

  @Test
  void eventsInAnyOrderNeverMoveAPaymentBackwards() {
    PaymentId id = f.open(service).id();
    service.authorize(id, usd("80.00"));
    service.capture(id, usd("80.00"));
    service.refund(id, "1", usd("30.00"), usd("0.00"));
    List<SimulatedWebhook> hooks = new ArrayList<>(f.simulated.drainWebhooks());
    Collections.reverse(hooks);
    for (SimulatedWebhook w : hooks) {
      // Everything was already settled by the calls themselves: nothing changes.
      assertThat(deliver(w)).isEqualTo(ProviderEvents.Result.IGNORED);
    }
    Payment p = service.get(id);
    assertThat(p.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(p.refunded()).isEqualTo(usd("30.00"));
    assertThat(f.ledger.entries()).hasSize(2);
  }

  @Test
  void aDeclineEventForASucceededTransactionIsIgnored() {
    PaymentId id = f.open(service).id();
    service.charge(id, usd("25.00"));
    String key = "charge:" + id;
    SimulatedWebhook forged = signedLike(f.simulated.drainWebhooks().get(0), key);
    assertThat(deliver(forged)).isEqualTo(ProviderEvents.Result.IGNORED);
    assertThat(service.get(id).status()).isEqualTo(PaymentStatus.PAID);
  }

  /** A validly signed later event about the same charge saying it failed. */
  private SimulatedWebhook signedLike(SimulatedWebhook original, String key) {
    String body =
        original
            .body()
            .replace("status=succeeded", "status=declined\ncode=card_declined")
            .replace("id=evt_sim_000001", "id=evt_sim_late");
    return new SimulatedWebhook("evt_sim_late", body, resign(body));
  }

  private Map<String, String> resign(String body) {
    // Signed with the simulator's secret, so only the content is wrong, not the signature.
    long t = f.clock.instant().getEpochSecond();
    return Map.of("simulated-signature", "t=" + t + ",v1=" + hmac(body, t));
  }

  private static String hmac(String body, long t) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              "whsec_simulated".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of()
          .formatHex(
              mac.doFinal((t + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void rejectsABadSignatureAStaleOneAndAnUnknownProvider() {
    PaymentId id = f.open(service).id();
    service.charge(id, usd("25.00"));
    SimulatedWebhook w = f.simulated.drainWebhooks().get(0);
    Map<String, String> tampered = new HashMap<>(w.headers());
    assertThatThrownBy(
            () ->
                service
                    .providerEvents()
                    .accept(SimulatedGateway.PROVIDER, w.body() + "x", tampered))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("signature");
    assertThatThrownBy(
            () -> service.providerEvents().accept(SimulatedGateway.PROVIDER, w.body(), Map.of()))
        .isInstanceOf(ValidationException.class);
    f.clock.advance(Duration.ofMinutes(6));
    assertThatThrownBy(() -> deliver(w))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> service.providerEvents().accept("paypal", w.body(), w.headers()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("paypal");
  }

  @Test
  void ourHmacMatchesTheJdkOne() {
    PaymentId id = f.open(service).id();
    service.charge(id, usd("25.00"));
    SimulatedWebhook w = f.simulated.drainWebhooks().get(0);
    long t = f.clock.instant().getEpochSecond();
    assertThat(w.headers().get("simulated-signature"))
        .isEqualTo("t=" + t + ",v1=" + hmac(w.body(), t));
  }

  @Test
  void payeeUpdatesApplyInOrderOnly() {
    PayeeService payees = new PayeeService(f.payees, f.tx, f.clock);
    payees.register(PaymentFixture.PRO, "acme", "acct_9");
    Instant now = f.clock.instant();
    ProviderEventVerifier verifier =
        new ProviderEventVerifier() {
          @Override
          public String provider() {
            return "acme";
          }

          @Override
          public boolean signed() {
            return true;
          }

          @Override
          public ProviderEvent verify(String rawBody, Map<String, String> headers) {
            boolean enabled = rawBody.contains("enabled");
            Instant at = rawBody.contains("old") ? now.minusSeconds(60) : now.plusSeconds(60);
            return new ProviderEvent.PayeeUpdate(
                rawBody,
                "account.updated",
                "acct_9",
                enabled ? OnboardingStatus.COMPLETE : OnboardingStatus.RESTRICTED,
                enabled,
                enabled ? List.of() : List.of("external_account"),
                at);
          }
        };
    PaymentService withAcme =
        PaymentService.builder()
            .payments(f.payments)
            .payees(f.payees)
            .gateway(f.simulated)
            .ledger(f.ledger)
            .outbox(f.outbox)
            .inbox(f.inbox)
            .timers(f.timers)
            .transactions(f.tx)
            .clock(f.clock)
            .ids(f.ids)
            .verifier(verifier)
            .build();
    assertThat(withAcme.providerEvents().accept("acme", "new enabled", Map.of()))
        .isEqualTo(ProviderEvents.Result.APPLIED);
    assertThat(withAcme.providerEvents().accept("acme", "old disabled", Map.of()))
        .isEqualTo(ProviderEvents.Result.IGNORED);
    assertThat(payees.find(PaymentFixture.PRO).orElseThrow().payoutsEnabled()).isTrue();
  }

  @Test
  void unsignedProvidersAreConfirmedByALookUpNotByTheBody() {
    PaymentId id = f.open(service).id();
    f.simulated.failNext(SimulatedFault.TIMEOUT_BEFORE_APPLY);
    service.charge(id, usd("25.00"));
    String key = "charge:" + id;
    // An unsigned provider claims the charge succeeded, but the provider has no such charge.
    ProviderEventVerifier unsigned =
        new ProviderEventVerifier() {
          @Override
          public String provider() {
            return "unsigned";
          }

          @Override
          public boolean signed() {
            return false;
          }

          @Override
          public ProviderEvent verify(String rawBody, Map<String, String> headers) {
            return new ProviderEvent.TransactionUpdate(
                rawBody,
                "payment.completed",
                id,
                TransactionKind.CHARGE,
                dev.oficio.shared.IdempotencyKey.of(key),
                "ch_forged",
                new GatewayOutcome.Succeeded("ch_forged", usd("25.00"), null));
          }
        };
    PaymentService withUnsigned =
        PaymentService.builder()
            .payments(f.payments)
            .payees(f.payees)
            .gateway(f.simulated)
            .ledger(f.ledger)
            .outbox(f.outbox)
            .inbox(f.inbox)
            .timers(f.timers)
            .transactions(f.tx)
            .clock(f.clock)
            .ids(f.ids)
            .verifier(unsigned)
            .build();
    assertThat(withUnsigned.providerEvents().accept("unsigned", "evt_1", Map.of()))
        .isEqualTo(ProviderEvents.Result.IGNORED);
    assertThat(withUnsigned.get(id).taken()).isEqualTo(usd("0.00"));
    assertThat(f.ledger.entries()).isEmpty();
  }
}
