package dev.oficio.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.oficio.stripe.StripeStub.fixture;
import static dev.oficio.stripe.StripeStub.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.oficio.payments.GatewayCall;
import dev.oficio.payments.GatewayCapabilities;
import dev.oficio.payments.GatewayOutcome;
import dev.oficio.payments.PaymentGateway;
import dev.oficio.payments.TransactionKind;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ProviderException;
import dev.oficio.shared.ValidationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StripePaymentGatewayIT {
  private static final Currency USD = Currency.getInstance("USD");
  private static final PaymentId PAYMENT = PaymentId.of("pay-000001");
  private static final ProId PRO = ProId.of("p-17");
  private static final String HOLD = "pi_3OficioHold0001";
  private static final String PAYEE = "acct_1OficioPro17";

  private static StripeStub stripe;
  private PaymentGateway gateway;

  @BeforeAll
  static void startStripe() {
    stripe = new StripeStub();
  }

  @AfterAll
  static void stopStripe() {
    stripe.close();
  }

  @BeforeEach
  void reset() {
    stripe.server.resetAll();
    gateway = StripeAdapters.paymentGateway(stripe.config());
  }

  private static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  private static void stubPost(String path, int status, String body) {
    stripe.server.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_" + status + "abc")
                    .withBody(body)));
  }

  private static void stubGet(String path, String body) {
    stripe.server.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_get")
                    .withBody(body)));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = stripe.server.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static Map<String, String> query(LoggedRequest request) {
    String url = request.getUrl();
    Map<String, String> query = new java.util.LinkedHashMap<>();
    int start = url.indexOf('?');
    if (start < 0) {
      return query;
    }
    for (String pair : url.substring(start + 1).split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return query;
  }

  private static GatewayCall.Authorize authorize(boolean offSession, CustomerId customer) {
    return new GatewayCall.Authorize(
        IdempotencyKey.of("authorize", PAYMENT),
        PAYMENT,
        customer,
        PRO,
        usd("250.00"),
        "pm_card_visa",
        PAYEE,
        offSession,
        Map.of("oficio_job_id", "job-000001"));
  }

  private static GatewayCall.Authorize authorize() {
    return authorize(true, CustomerId.of("cus_OficioCustomer1"));
  }

  @Test
  void reportsStripesCapabilities() {
    GatewayCapabilities capabilities = gateway.capabilities();
    assertThat(gateway.provider()).isEqualTo("stripe");
    assertThat(capabilities.holds()).isTrue();
    assertThat(capabilities.maxHoldDuration()).isEqualTo(Duration.ofDays(7));
    assertThat(capabilities.partialCapture()).isTrue();
    assertThat(capabilities.destinationPayouts()).isTrue();
    assertThat(capabilities.refunds()).isTrue();
    assertThat(capabilities.partialRefunds()).isTrue();
    assertThat(capabilities.transfers()).isTrue();
    assertThat(capabilities.minAmount()).isEqualTo(usd("0.50"));
  }

  @Nested
  class Authorize {
    @Test
    void sendsAManualCaptureIntentWithOficioIdsAndTheCommandsIdempotencyKey() {
      stubPost("/v1/payment_intents", 200, fixture("payment_intent_requires_capture"));

      gateway.authorize(authorize());

      LoggedRequest request = onlyRequest();
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("authorize:pay-000001");
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.SECRET_KEY);
      assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
      assertThat(form(request))
          .containsExactlyInAnyOrderEntriesOf(
              Map.ofEntries(
                  entry("amount", "25000"),
                  entry("currency", "usd"),
                  entry("capture_method", "manual"),
                  entry("confirm", "true"),
                  entry("off_session", "true"),
                  entry("customer", "cus_OficioCustomer1"),
                  entry("payment_method", "pm_card_visa"),
                  entry("payment_method_types[0]", "card"),
                  entry("transfer_group", "pay-000001"),
                  entry("transfer_data[destination]", PAYEE),
                  entry("expand[0]", "latest_charge"),
                  entry("metadata[oficio_payment_id]", "pay-000001"),
                  entry("metadata[oficio_idempotency_key]", "authorize:pay-000001"),
                  entry("metadata[oficio_pro_id]", "p-17"),
                  entry("metadata[oficio_customer_id]", "cus_OficioCustomer1"),
                  entry("metadata[oficio_job_id]", "job-000001")));
    }

    @Test
    void returnsTheHoldExpiringAtTheChargesCaptureBefore() {
      stubPost("/v1/payment_intents", 200, fixture("payment_intent_requires_capture"));

      GatewayOutcome outcome = gateway.authorize(authorize());

      // capture_before 1681405305 in the fixture's charge = 2023-04-13T17:01:45Z.
      assertThat(outcome)
          .isEqualTo(
              new GatewayOutcome.Succeeded(
                  HOLD, usd("250.00"), Instant.parse("2023-04-13T17:01:45Z")));
    }

    @Test
    void leavesCaptureBeforeEmptyWhenStripeReportsNoCharge() {
      stubPost("/v1/payment_intents", 200, fixture("payment_intent_requires_capture_no_charge"));

      GatewayOutcome outcome = gateway.authorize(authorize());

      assertThat(outcome).isInstanceOf(GatewayOutcome.Succeeded.class);
      assertThat(((GatewayOutcome.Succeeded) outcome).holdExpiry()).isEmpty();
    }

    @Test
    void onSessionWithoutAStripeCustomerSendsNeitherOffSessionNorCustomer() {
      stubPost("/v1/payment_intents", 200, fixture("payment_intent_requires_capture"));

      gateway.authorize(authorize(false, CustomerId.of("c-000001")));

      Map<String, String> form = form(onlyRequest());
      assertThat(form).doesNotContainKeys("off_session", "customer");
      assertThat(form).containsEntry("metadata[oficio_customer_id]", "c-000001");
    }

    @Test
    void sendsTheStripeCustomerTheHostMapsTo() {
      gateway =
          StripeAdapters.paymentGateway(
              stripe.config(), customer -> Optional.of("cus_Mapped" + customer.value()));
      stubPost("/v1/payment_intents", 200, fixture("payment_intent_requires_capture"));

      gateway.authorize(authorize(true, CustomerId.of("c-1")));

      assertThat(form(onlyRequest())).containsEntry("customer", "cus_Mappedc-1");
    }

    @Test
    void rejectsAmountsOutsideStripesCurrencyWithoutCallingStripe() {
      GatewayCall.Authorize euros =
          new GatewayCall.Authorize(
              IdempotencyKey.of("authorize", PAYMENT),
              PAYMENT,
              CustomerId.of("c-1"),
              PRO,
              Money.of("10.00", Currency.getInstance("EUR")),
              "pm_card_visa",
              null,
              false,
              Map.of());

      assertThatThrownBy(() -> gateway.authorize(euros))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("amount");
      assertThat(stripe.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void rejectsHostMetadataThatOverwritesOficiosKeys() {
      GatewayCall.Authorize sneaky =
          new GatewayCall.Authorize(
              IdempotencyKey.of("authorize", PAYMENT),
              PAYMENT,
              CustomerId.of("c-1"),
              PRO,
              usd("10.00"),
              "pm_card_visa",
              null,
              false,
              Map.of("oficio_payment_id", "pay-other"));

      assertThatThrownBy(() -> gateway.authorize(sneaky))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("reserved");
      assertThat(stripe.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aRetriedCommandSendsTheSameIdempotencyKey() {
      stubPost("/v1/payment_intents", 200, fixture("payment_intent_requires_capture"));

      gateway.authorize(authorize());
      gateway.authorize(authorize());

      List<LoggedRequest> requests = stripe.server.findAll(postRequestedFor(anyUrl()));
      assertThat(requests).hasSize(2);
      assertThat(requests)
          .extracting(r -> r.getHeader("Idempotency-Key"))
          .containsOnly("authorize:pay-000001");
      assertThat(form(requests.get(0))).isEqualTo(form(requests.get(1)));
    }

    @Test
    void networkRetriesAfterA500ReuseTheIdempotencyKey() {
      gateway = StripeAdapters.paymentGateway(stripe.config(1, Duration.ofSeconds(5)));
      stripe.server.stubFor(
          post(urlPathEqualTo("/v1/payment_intents"))
              .inScenario("retry")
              .whenScenarioStateIs(STARTED)
              .willReturn(
                  aResponse()
                      .withStatus(500)
                      .withHeader("Content-Type", "application/json")
                      .withBody(fixture("error_api")))
              .willSetStateTo("recovered"));
      stripe.server.stubFor(
          post(urlPathEqualTo("/v1/payment_intents"))
              .inScenario("retry")
              .whenScenarioStateIs("recovered")
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(fixture("payment_intent_requires_capture"))));

      GatewayOutcome outcome = gateway.authorize(authorize());

      assertThat(outcome).isInstanceOf(GatewayOutcome.Succeeded.class);
      List<LoggedRequest> requests = stripe.server.findAll(postRequestedFor(anyUrl()));
      assertThat(requests)
          .hasSize(2)
          .extracting(r -> r.getHeader("Idempotency-Key"))
          .containsOnly("authorize:pay-000001");
    }
  }

  @Nested
  class CaptureVoidAndCharge {
    private LoggedRequest onlyPost() {
      List<LoggedRequest> posts = stripe.server.findAll(postRequestedFor(anyUrl()));
      assertThat(posts).hasSize(1);
      return posts.get(0);
    }

    private GatewayOutcome captureWithFee() {
      return gateway.capture(
          new GatewayCall.Capture(
              IdempotencyKey.of("capture", PAYMENT, 1),
              PAYMENT,
              HOLD,
              usd("200.00"),
              usd("24.00")));
    }

    @Test
    void capturesPartOfADestinationHoldKeepingThePlatformFee() {
      stubGet("/v1/payment_intents/" + HOLD, fixture("payment_intent_requires_capture"));
      stubPost("/v1/payment_intents/" + HOLD + "/capture", 200, fixture("payment_intent_captured"));

      GatewayOutcome outcome = captureWithFee();

      LoggedRequest request = onlyPost();
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("capture:pay-000001:1");
      assertThat(form(request))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("amount_to_capture", "20000", "application_fee_amount", "2400"));
      assertThat(outcome).isEqualTo(new GatewayOutcome.Succeeded(HOLD, usd("200.00"), null));
    }

    @Test
    void aPlatformHoldIsCapturedWithoutApplicationFeeWhichStripeWouldRefuse() {
      stubGet("/v1/payment_intents/" + HOLD, fixture("payment_intent_requires_capture_platform"));
      stubPost("/v1/payment_intents/" + HOLD + "/capture", 200, fixture("payment_intent_captured"));

      captureWithFee();

      assertThat(form(onlyPost()))
          .containsExactlyInAnyOrderEntriesOf(Map.of("amount_to_capture", "20000"));
    }

    @Test
    void capturesWithoutAFeeWhenThePlatformKeepsNone() {
      stubPost("/v1/payment_intents/" + HOLD + "/capture", 200, fixture("payment_intent_captured"));

      gateway.capture(
          new GatewayCall.Capture(
              IdempotencyKey.of("capture", PAYMENT, 1), PAYMENT, HOLD, usd("200.00"), usd("0")));

      assertThat(form(onlyRequest()))
          .containsExactlyInAnyOrderEntriesOf(Map.of("amount_to_capture", "20000"));
    }

    @Test
    void voidsTheHoldWithTheReason() {
      stubPost("/v1/payment_intents/" + HOLD + "/cancel", 200, fixture("payment_intent_canceled"));

      GatewayOutcome outcome =
          gateway.voidHold(
              new GatewayCall.VoidHold(
                  IdempotencyKey.of("void", PAYMENT), PAYMENT, HOLD, "requested_by_customer"));

      LoggedRequest request = onlyRequest();
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("void:pay-000001");
      assertThat(form(request))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("cancellation_reason", "requested_by_customer"));
      assertThat(outcome).isEqualTo(new GatewayOutcome.Succeeded(HOLD, usd("250.00"), null));
    }

    @Test
    void rejectsAVoidReasonStripeDoesNotKnow() {
      assertThatThrownBy(
              () ->
                  gateway.voidHold(
                      new GatewayCall.VoidHold(
                          IdempotencyKey.of("void", PAYMENT), PAYMENT, HOLD, "changed_my_mind")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("reason");
      assertThat(stripe.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void chargesWithAutomaticCaptureToThePaysDestination() {
      stubPost("/v1/payment_intents", 200, fixture("payment_intent_charged"));
      PaymentId payment = PaymentId.of("pay-000002");

      GatewayOutcome outcome =
          gateway.charge(
              new GatewayCall.Charge(
                  IdempotencyKey.of("charge", payment),
                  payment,
                  CustomerId.of("c-1"),
                  PRO,
                  usd("250.00"),
                  "pm_card_visa",
                  PAYEE,
                  usd("30.00"),
                  Map.of()));

      LoggedRequest request = onlyRequest();
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("charge:pay-000002");
      assertThat(form(request))
          .containsExactlyInAnyOrderEntriesOf(
              Map.ofEntries(
                  entry("amount", "25000"),
                  entry("currency", "usd"),
                  entry("capture_method", "automatic"),
                  entry("confirm", "true"),
                  entry("payment_method", "pm_card_visa"),
                  entry("payment_method_types[0]", "card"),
                  entry("transfer_group", "pay-000002"),
                  entry("transfer_data[destination]", PAYEE),
                  entry("application_fee_amount", "3000"),
                  entry("expand[0]", "latest_charge"),
                  entry("metadata[oficio_payment_id]", "pay-000002"),
                  entry("metadata[oficio_idempotency_key]", "charge:pay-000002"),
                  entry("metadata[oficio_pro_id]", "p-17"),
                  entry("metadata[oficio_customer_id]", "c-1")));
      assertThat(outcome)
          .isEqualTo(new GatewayOutcome.Succeeded("pi_3OficioCharge01", usd("250.00"), null));
    }
  }

  @Nested
  class RefundsAndTransfers {
    private GatewayCall.Refund refund(boolean reverseTransfer, boolean refundFee) {
      return new GatewayCall.Refund(
          IdempotencyKey.of("refund", PAYMENT, 1),
          PAYMENT,
          HOLD,
          usd("50.00"),
          reverseTransfer,
          refundFee);
    }

    @Test
    void refundsReversingThePaysShareAndThePlatformFee() {
      stubPost("/v1/refunds", 200, fixture("refund_succeeded"));

      GatewayOutcome outcome = gateway.refund(refund(true, true));

      LoggedRequest request = onlyRequest();
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("refund:pay-000001:1");
      assertThat(form(request))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "payment_intent", HOLD,
                  "amount", "5000",
                  "reverse_transfer", "true",
                  "refund_application_fee", "true",
                  "metadata[oficio_payment_id]", "pay-000001",
                  "metadata[oficio_idempotency_key]", "refund:pay-000001:1"));
      assertThat(outcome)
          .isEqualTo(new GatewayOutcome.Succeeded("re_3OficioRefund01", usd("50.00"), null));
    }

    @Test
    void aPendingRefundIsPending() {
      stubPost("/v1/refunds", 200, fixture("refund_pending"));

      GatewayOutcome outcome = gateway.refund(refund(false, false));

      assertThat(form(onlyRequest()))
          .doesNotContainKeys("reverse_transfer", "refund_application_fee");
      assertThat(outcome).isEqualTo(new GatewayOutcome.Pending("re_3OficioRefund01"));
    }

    @Test
    void refundingThePlatformFeeNeedsReverseTransfer() {
      assertThatThrownBy(() -> gateway.refund(refund(false, true)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("refundPlatformFee");
      assertThat(stripe.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void transfersToTheProFromTheKnownCharge() {
      stubPost("/v1/transfers", 200, fixture("transfer"));

      GatewayOutcome outcome =
          gateway.transfer(
              new GatewayCall.Transfer(
                  IdempotencyKey.of("transfer", PAYMENT, 1),
                  PAYMENT,
                  PRO,
                  PAYEE,
                  usd("220.00"),
                  "ch_3OficioHold0001"));

      LoggedRequest request = onlyRequest();
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("transfer:pay-000001:1");
      assertThat(form(request))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "amount", "22000",
                  "currency", "usd",
                  "destination", PAYEE,
                  "transfer_group", "pay-000001",
                  "source_transaction", "ch_3OficioHold0001",
                  "metadata[oficio_payment_id]", "pay-000001",
                  "metadata[oficio_idempotency_key]", "transfer:pay-000001:1",
                  "metadata[oficio_pro_id]", "p-17"));
      assertThat(outcome)
          .isEqualTo(new GatewayOutcome.Succeeded("tr_1OficioTransfer1", usd("220.00"), null));
    }

    @Test
    void resolvesAPaymentIntentSourceToItsCharge() {
      stubGet("/v1/payment_intents/" + HOLD, fixture("payment_intent_captured"));
      stubPost("/v1/transfers", 200, fixture("transfer"));

      gateway.transfer(
          new GatewayCall.Transfer(
              IdempotencyKey.of("transfer", PAYMENT, 1), PAYMENT, PRO, PAYEE, usd("220.00"), HOLD));

      List<LoggedRequest> posts = stripe.server.findAll(postRequestedFor(anyUrl()));
      assertThat(posts).hasSize(1);
      assertThat(form(posts.get(0))).containsEntry("source_transaction", "ch_3OficioHold0001");
    }

    @Test
    void reversesPartOfATransfer() {
      stubPost("/v1/transfers/tr_1OficioTransfer1/reversals", 200, fixture("transfer_reversal"));

      GatewayOutcome outcome =
          gateway.reverseTransfer(
              new GatewayCall.ReverseTransfer(
                  IdempotencyKey.of("transfer-reversal", PAYMENT, 1),
                  PAYMENT,
                  "tr_1OficioTransfer1",
                  usd("20.00")));

      LoggedRequest request = onlyRequest();
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("transfer-reversal:pay-000001:1");
      assertThat(form(request))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "amount", "2000",
                  "metadata[oficio_payment_id]", "pay-000001",
                  "metadata[oficio_idempotency_key]", "transfer-reversal:pay-000001:1"));
      assertThat(outcome)
          .isEqualTo(new GatewayOutcome.Succeeded("trr_1OficioReversal", usd("20.00"), null));
    }
  }

  @Nested
  class Lookups {
    private GatewayCall.Lookup lookup(TransactionKind kind, String key, String reference) {
      return new GatewayCall.Lookup(new IdempotencyKey(key), PAYMENT, kind, reference);
    }

    @Test
    void findsAHoldByItsReferenceWithTheChargesExpiry() {
      stubGet("/v1/payment_intents/" + HOLD, fixture("payment_intent_requires_capture"));

      GatewayOutcome outcome =
          gateway.lookup(lookup(TransactionKind.AUTHORIZE, "authorize:pay-000001", HOLD));

      LoggedRequest request = onlyRequest();
      assertThat(request.getMethod().getName()).isEqualTo("GET");
      assertThat(query(request)).containsEntry("expand[0]", "latest_charge");
      assertThat(outcome)
          .isEqualTo(
              new GatewayOutcome.Succeeded(
                  HOLD, usd("250.00"), Instant.parse("2023-04-13T17:01:45Z")));
    }

    @Test
    void findsAHoldWhoseReplyWasLostByItsIdempotencyKeyInMetadata() {
      stubGet("/v1/payment_intents/search", fixture("payment_intent_search"));

      GatewayOutcome outcome =
          gateway.lookup(lookup(TransactionKind.AUTHORIZE, "authorize:pay-000001", null));

      Map<String, String> query = query(onlyRequest());
      assertThat(query)
          .containsEntry("query", "metadata['oficio_idempotency_key']:'authorize:pay-000001'")
          .containsEntry("expand[0]", "data.latest_charge");
      assertThat(outcome).isInstanceOf(GatewayOutcome.Succeeded.class);
      assertThat(((GatewayOutcome.Succeeded) outcome).providerReference()).isEqualTo(HOLD);
    }

    @Test
    void aCallThatCreatedNothingIsDeclinedAsNotFound() {
      stubGet("/v1/payment_intents/search", fixture("payment_intent_search_empty"));

      GatewayOutcome outcome =
          gateway.lookup(lookup(TransactionKind.CHARGE, "charge:pay-000001", null));

      assertThat(outcome).isInstanceOf(GatewayOutcome.Declined.class);
      assertThat(((GatewayOutcome.Declined) outcome).code()).isEqualTo("not_found");
    }

    @Test
    void aCaptureLookupFindsThePaymentsHoldByPaymentId() {
      stubGet("/v1/payment_intents/search", fixture("payment_intent_search"));

      GatewayOutcome outcome =
          gateway.lookup(lookup(TransactionKind.CAPTURE, "capture:pay-000001:1", null));

      assertThat(query(onlyRequest()))
          .containsEntry("query", "metadata['oficio_payment_id']:'pay-000001'");
      // The hold is still requires_capture: the capture never happened, re-sending it is safe.
      assertThat(outcome).isInstanceOf(GatewayOutcome.Declined.class);
      assertThat(((GatewayOutcome.Declined) outcome).isNotFound()).isTrue();
    }

    @Test
    void mapsIntentStatusesPerLookedUpCall() {
      stubGet("/v1/payment_intents/" + HOLD, fixture("payment_intent_captured"));
      assertThat(gateway.lookup(lookup(TransactionKind.CAPTURE, "capture:pay-000001:1", HOLD)))
          .isEqualTo(new GatewayOutcome.Succeeded(HOLD, usd("200.00"), null));
      assertThat(gateway.lookup(lookup(TransactionKind.VOID, "void:pay-000001", HOLD)))
          .isEqualTo(
              new GatewayOutcome.Declined(
                  "already_captured", "the hold " + HOLD + " was captured"));

      stubGet("/v1/payment_intents/" + HOLD, fixture("payment_intent_canceled"));
      assertThat(gateway.lookup(lookup(TransactionKind.VOID, "void:pay-000001", HOLD)))
          .isEqualTo(new GatewayOutcome.Succeeded(HOLD, usd("250.00"), null));

      stubGet("/v1/payment_intents/" + HOLD, fixture("payment_intent_processing"));
      assertThat(gateway.lookup(lookup(TransactionKind.AUTHORIZE, "authorize:pay-000001", HOLD)))
          .isEqualTo(new GatewayOutcome.Pending(HOLD));

      stubGet("/v1/payment_intents/" + HOLD, fixture("payment_intent_requires_payment_method"));
      assertThat(gateway.lookup(lookup(TransactionKind.AUTHORIZE, "authorize:pay-000001", HOLD)))
          .isEqualTo(
              new GatewayOutcome.Declined(
                  "insufficient_funds", "Your card has insufficient funds."));
    }

    @Test
    void anUnmappedStatusIsUnknown() {
      stubGet("/v1/payment_intents/" + HOLD, fixture("payment_intent_unmapped_status"));

      GatewayOutcome outcome =
          gateway.lookup(lookup(TransactionKind.AUTHORIZE, "authorize:pay-000001", HOLD));

      assertThat(outcome).isInstanceOf(GatewayOutcome.Unknown.class);
      assertThat(((GatewayOutcome.Unknown) outcome).cause()).contains("some_future_status");
    }

    @Test
    void findsAFailedRefundByReference() {
      stubGet("/v1/refunds/re_3OficioRefund01", fixture("refund_failed"));

      GatewayOutcome outcome =
          gateway.lookup(
              lookup(TransactionKind.REFUND, "refund:pay-000001:1", "re_3OficioRefund01"));

      assertThat(outcome)
          .isEqualTo(
              new GatewayOutcome.Declined(
                  "expired_or_canceled_card", "refund re_3OficioRefund01 failed"));
    }

    @Test
    void findsARefundWhoseReplyWasLostAmongThePaymentsRefunds() {
      stubGet("/v1/payment_intents/search", fixture("payment_intent_search"));
      stubGet("/v1/refunds", fixture("refund_list"));

      GatewayOutcome outcome =
          gateway.lookup(lookup(TransactionKind.REFUND, "refund:pay-000001:1", null));

      assertThat(outcome)
          .isEqualTo(new GatewayOutcome.Succeeded("re_3OficioRefund01", usd("50.00"), null));
      LoggedRequest list =
          stripe.server.findAll(anyRequestedFor(urlPathEqualTo("/v1/refunds"))).get(0);
      assertThat(query(list)).containsEntry("payment_intent", HOLD);
    }

    @Test
    void findsATransferByItsTransferGroup() {
      stubGet("/v1/transfers", fixture("transfer_list"));

      GatewayOutcome outcome =
          gateway.lookup(lookup(TransactionKind.TRANSFER, "transfer:pay-000001:1", null));

      assertThat(query(onlyRequest())).containsEntry("transfer_group", "pay-000001");
      assertThat(outcome)
          .isEqualTo(new GatewayOutcome.Succeeded("tr_1OficioTransfer1", usd("220.00"), null));
    }

    @Test
    void aTransferKeyNotInTheGroupIsNotFound() {
      stubGet("/v1/transfers", fixture("transfer_list"));

      GatewayOutcome outcome =
          gateway.lookup(lookup(TransactionKind.TRANSFER, "transfer:pay-000001:2", null));

      assertThat(outcome).isInstanceOf(GatewayOutcome.Declined.class);
    }

    @Test
    void findsATransferReversalThroughItsTransfer() {
      stubGet("/v1/transfers", fixture("transfer_list"));
      stubGet("/v1/transfers/tr_1OficioTransfer1/reversals", fixture("transfer_reversal_list"));

      GatewayOutcome byKey =
          gateway.lookup(
              lookup(TransactionKind.TRANSFER_REVERSAL, "transfer-reversal:pay-000001:1", null));
      GatewayOutcome byReference =
          gateway.lookup(
              lookup(
                  TransactionKind.TRANSFER_REVERSAL,
                  "transfer-reversal:pay-000001:1",
                  "trr_1OficioReversal"));

      GatewayOutcome expected =
          new GatewayOutcome.Succeeded("trr_1OficioReversal", usd("20.00"), null);
      assertThat(byKey).isEqualTo(expected);
      assertThat(byReference).isEqualTo(expected);
    }
  }

  @Nested
  class Errors {
    private void stubAuthorizeError(int status, String fixture) {
      stubPost("/v1/payment_intents", status, fixture(fixture));
    }

    private ProviderException providerError() {
      Throwable thrown =
          org.assertj.core.api.Assertions.catchThrowable(() -> gateway.authorize(authorize()));
      assertThat(thrown).isInstanceOf(ProviderException.class);
      ProviderException error = (ProviderException) thrown;
      // No Stripe type leaves the module, not even as a cause.
      assertThat(error.getCause()).isNull();
      assertThat(error.provider()).isEqualTo("stripe");
      assertThat(error.getMessage()).doesNotContain(StripeStub.SECRET_KEY);
      return error;
    }

    @Test
    void aCardDeclineIsDeclinedWithTheDeclineCode() {
      stubAuthorizeError(402, "error_insufficient_funds");

      assertThat(gateway.authorize(authorize()))
          .isEqualTo(
              new GatewayOutcome.Declined(
                  "insufficient_funds", "Your card has insufficient funds."));
    }

    @Test
    void aCardErrorWithoutDeclineCodeIsDeclinedWithItsCode() {
      stubAuthorizeError(402, "error_expired_card");

      assertThat(gateway.authorize(authorize()))
          .isEqualTo(new GatewayOutcome.Declined("expired_card", "Your card has expired."));
    }

    @Test
    void aGenericDeclineKeepsStripesDeclineCode() {
      stubAuthorizeError(402, "error_card_declined");

      assertThat(gateway.authorize(authorize()))
          .isEqualTo(new GatewayOutcome.Declined("generic_decline", "Your card was declined."));
    }

    @Test
    void anIdempotencyConflictIsANonRetryableProviderError() {
      stubAuthorizeError(409, "error_idempotency");

      ProviderException error = providerError();

      assertThat(error.code()).isEqualTo("idempotency_error");
      assertThat(error.retryable()).isFalse();
      assertThat(error.providerRequestId()).contains("req_409abc");
    }

    @Test
    void anIdempotencyErrorAnsweredWith400IsAlsoNonRetryable() {
      stubAuthorizeError(400, "error_idempotency");

      ProviderException error = providerError();

      assertThat(error.code()).isEqualTo("idempotency_error");
      assertThat(error.retryable()).isFalse();
    }

    @Test
    void aRateLimitIsRetryable() {
      stubAuthorizeError(429, "error_rate_limit");

      ProviderException error = providerError();

      assertThat(error.code()).isEqualTo("rate_limit");
      assertThat(error.retryable()).isTrue();
      assertThat(error.providerRequestId()).contains("req_429abc");
    }

    @Test
    void aServerErrorIsRetryable() {
      stubAuthorizeError(500, "error_api");

      ProviderException error = providerError();

      assertThat(error.retryable()).isTrue();
      assertThat(error.providerRequestId()).contains("req_500abc");
    }

    @Test
    void anInvalidRequestIsNotRetryableAndNamesTheRequest() {
      stubAuthorizeError(404, "error_resource_missing");

      ProviderException error = providerError();

      assertThat(error.code()).isEqualTo("resource_missing");
      assertThat(error.retryable()).isFalse();
      assertThat(error.providerRequestId()).contains("req_404abc");
    }

    @Test
    void aBadKeyIsNotRetryable() {
      stubAuthorizeError(401, "error_authentication");

      ProviderException error = providerError();

      assertThat(error.code()).isEqualTo("authentication_error");
      assertThat(error.retryable()).isFalse();
    }

    @Test
    void aMissingPermissionIsNotRetryable() {
      stubAuthorizeError(403, "error_permission");

      ProviderException error = providerError();

      assertThat(error.code()).isEqualTo("secret_key_required");
      assertThat(error.retryable()).isFalse();
    }

    @Test
    void aConnectionResetIsUnknown() {
      stripe.server.stubFor(
          post(urlPathEqualTo("/v1/payment_intents"))
              .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

      assertThat(gateway.authorize(authorize())).isInstanceOf(GatewayOutcome.Unknown.class);
    }

    @Test
    void aReadTimeoutIsUnknown() {
      gateway = StripeAdapters.paymentGateway(stripe.config(0, Duration.ofMillis(250)));
      stripe.server.stubFor(
          post(urlPathEqualTo("/v1/payment_intents"))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(fixture("payment_intent_requires_capture"))
                      .withFixedDelay(1_500)));

      GatewayOutcome outcome = gateway.authorize(authorize());

      assertThat(outcome).isInstanceOf(GatewayOutcome.Unknown.class);
      assertThat(((GatewayOutcome.Unknown) outcome).cause()).contains("authorize");
    }

    @Test
    void aGarbledSuccessResponseIsUnknown() {
      stubPost("/v1/payment_intents", 200, "{\"id\": \"pi_1\", \"status\": ");

      assertThat(gateway.authorize(authorize())).isInstanceOf(GatewayOutcome.Unknown.class);
    }
  }
}
