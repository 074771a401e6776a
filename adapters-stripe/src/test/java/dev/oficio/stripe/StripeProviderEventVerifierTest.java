package dev.oficio.stripe;

import static dev.oficio.stripe.StripeStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.Oficio;
import dev.oficio.payments.GatewayOutcome;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.payments.PayeeAccount;
import dev.oficio.payments.ProviderEvent;
import dev.oficio.payments.ProviderEventVerifier;
import dev.oficio.payments.ProviderEvents;
import dev.oficio.payments.TransactionKind;
import dev.oficio.shared.IdGenerator;
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
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StripeProviderEventVerifierTest {
  private static final String SECRET = "whsec_" + "oficioBindingSecret0001";
  // Just before the fixtures' events (created 2023-04-06T17:03:20Z).
  private static final Instant NOW = Instant.parse("2023-04-06T17:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ProId PRO = ProId.of("p-17");

  private final ProviderEventVerifier verifier =
      StripeAdapters.providerEventVerifier(
          StripeConfig.builder().secretKey("sk_test_oficio").webhookSecret(SECRET).build(), CLOCK);

  private static Map<String, String> signed(String body) {
    try {
      long t = NOW.getEpochSecond();
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String v1 =
          HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
      return Map.of("stripe-signature", "t=" + t + ",v1=" + v1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private ProviderEvent verify(String fixture) {
    String body = fixture("events/" + fixture);
    return verifier.verify(body, signed(body));
  }

  @Test
  void isTheSignedStripeVerifier() {
    assertThat(verifier.provider()).isEqualTo("stripe");
    assertThat(verifier.signed()).isTrue();
  }

  @Test
  void turnsAHoldEventIntoAnAuthorizeUpdate() {
    ProviderEvent event = verify("payment_intent_amount_capturable_updated");

    assertThat(event)
        .isEqualTo(
            new ProviderEvent.TransactionUpdate(
                "evt_3OficioHold0001",
                "payment_intent.amount_capturable_updated",
                PaymentId.of("pay-000001"),
                TransactionKind.AUTHORIZE,
                new IdempotencyKey("authorize:pay-000001"),
                "pi_3OficioHold0001",
                new GatewayOutcome.Succeeded(
                    "pi_3OficioHold0001", Money.of("250.00", Currency.getInstance("USD")), null)));
  }

  @Test
  void turnsAnAccountUpdateIntoAPayeeUpdate() {
    ProviderEvent event = verify("account_updated");

    assertThat(event)
        .isEqualTo(
            new ProviderEvent.PayeeUpdate(
                "evt_1OficioAcct0001",
                "account.updated",
                "acct_1OficioPro17",
                OnboardingStatus.COMPLETE,
                true,
                List.of(),
                Instant.parse("2023-04-06T17:03:20Z")));
  }

  @Test
  void keepsEventsItDoesNotActOnAsOther() {
    assertThat(verify("customer_created"))
        .isEqualTo(new ProviderEvent.Other("evt_1OficioCust0001", "customer.created"));
    // A refund or a dispute is not named by its event's object: settled by look-ups instead.
    assertThat(verify("charge_refunded")).isInstanceOf(ProviderEvent.Other.class);
    assertThat(verify("charge_dispute_created")).isInstanceOf(ProviderEvent.Other.class);
  }

  @Test
  void readsTheLowerCaseSignatureHeader() {
    String body = fixture("events/customer_created");

    assertThatThrownBy(() -> verifier.verify(body, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void oficiosInboxAppliesAnAccountUpdateOnceThroughTheStripeVerifier() {
    Oficio oficio =
        Oficio.builder()
            .clock(CLOCK)
            .ids(IdGenerator.sequential())
            .providerEventVerifier(verifier)
            .build();
    oficio.payees().register(PRO, "stripe", "acct_1OficioPro17");
    String body = fixture("events/account_updated");
    Map<String, String> headers = Map.of("Stripe-Signature", signed(body).get("stripe-signature"));

    ProviderEvents.Result first =
        oficio.payments().providerEvents().accept("stripe", body, headers);
    ProviderEvents.Result again =
        oficio.payments().providerEvents().accept("stripe", body, headers);

    assertThat(first).isEqualTo(ProviderEvents.Result.APPLIED);
    assertThat(again).isEqualTo(ProviderEvents.Result.DUPLICATE);
    PayeeAccount account = oficio.payees().find(PRO).orElseThrow();
    assertThat(account.onboarding()).isEqualTo(OnboardingStatus.COMPLETE);
    assertThat(account.payoutsEnabled()).isTrue();
    assertThat(account.requirementsDue()).isEmpty();
  }

  @Test
  void mapsStripesAccountStateToCoresOnboardingStatus() {
    StripePayeeStatus fresh =
        new StripePayeeStatus(
            "acct_1", PRO, false, false, false, List.of("external_account"), List.of(), null);
    StripePayeeStatus restricted =
        new StripePayeeStatus(
            "acct_1",
            PRO,
            true,
            false,
            true,
            List.of("individual.id_number", "external_account"),
            List.of("external_account"),
            "requirements.past_due");
    StripePayeeStatus payoutsButDisabled =
        new StripePayeeStatus(
            "acct_1", PRO, false, true, true, List.of(), List.of(), "rejected.fraud");
    StripePayeeStatus complete =
        new StripePayeeStatus("acct_1", PRO, true, true, true, List.of(), List.of(), null);

    assertThat(fresh.onboarding()).isEqualTo(OnboardingStatus.PENDING);
    assertThat(restricted.onboarding()).isEqualTo(OnboardingStatus.RESTRICTED);
    assertThat(restricted.requirementsDue())
        .containsExactly("external_account", "individual.id_number");
    assertThat(payoutsButDisabled.onboarding()).isEqualTo(OnboardingStatus.RESTRICTED);
    assertThat(payoutsButDisabled.payoutsEnabledWhenOnboarded()).isFalse();
    assertThat(complete.onboarding()).isEqualTo(OnboardingStatus.COMPLETE);
    assertThat(complete.payoutsEnabledWhenOnboarded()).isTrue();
  }
}
