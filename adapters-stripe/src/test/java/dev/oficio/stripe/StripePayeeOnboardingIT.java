package dev.oficio.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.oficio.stripe.StripeStub.fixture;
import static dev.oficio.stripe.StripeStub.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ProviderException;
import dev.oficio.shared.ValidationException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripePayeeOnboardingIT {
  private static final String ACCOUNT = "acct_1OficioPro17";
  private static StripeStub stripe;
  private StripePayeeOnboarding onboarding;

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
    onboarding = StripeAdapters.payeeOnboarding(stripe.config());
  }

  private static void stub(String method, String path, int status, String body) {
    var mapping = "GET".equals(method) ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path));
    stripe.server.stubFor(
        mapping.willReturn(
            aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_onboarding")
                .withBody(body)));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = stripe.server.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void createsAConnectedAccountWithControllerProperties() {
    stub("POST", "/v1/accounts", 200, fixture("account_new"));

    StripePayeeStatus status =
        onboarding.createAccount(ProId.of("p-17"), "us", IdempotencyKey.of("payee", "p-17"));

    LoggedRequest request = onlyRequest();
    assertThat(request.getHeader("Idempotency-Key")).isEqualTo("payee:p-17");
    assertThat(form(request))
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                entry("country", "US"),
                entry("controller[fees][payer]", "application"),
                entry("controller[losses][payments]", "application"),
                entry("controller[stripe_dashboard][type]", "express"),
                entry("capabilities[card_payments][requested]", "true"),
                entry("capabilities[transfers][requested]", "true"),
                entry("metadata[oficio_pro_id]", "p-17")));
    assertThat(status)
        .isEqualTo(
            new StripePayeeStatus(
                ACCOUNT,
                ProId.of("p-17"),
                false,
                false,
                false,
                List.of(
                    "business_type",
                    "external_account",
                    "tos_acceptance.date",
                    "tos_acceptance.ip"),
                List.of("business_type", "external_account"),
                "requirements.past_due"));
    assertThat(status.canBePaid()).isFalse();
  }

  @Test
  void createsASingleUseOnboardingLink() {
    stub("POST", "/v1/account_links", 200, fixture("account_link"));

    StripeOnboardingLink link =
        onboarding.onboardingLink(
            ACCOUNT,
            URI.create("https://pros.example.com/stripe/refresh"),
            URI.create("https://pros.example.com/stripe/return"),
            IdempotencyKey.of("onboarding-link", "p-17", 1));

    LoggedRequest request = onlyRequest();
    assertThat(request.getHeader("Idempotency-Key")).isEqualTo("onboarding-link:p-17:1");
    assertThat(form(request))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "account", ACCOUNT,
                "type", "account_onboarding",
                "refresh_url", "https://pros.example.com/stripe/refresh",
                "return_url", "https://pros.example.com/stripe/return"));
    assertThat(link.url())
        .isEqualTo(URI.create("https://connect.stripe.com/setup/e/acct_1OficioPro17/abc123"));
    // expires_at 1680800400 = 2023-04-06T17:00:00Z.
    assertThat(link.expiresAt()).isEqualTo(Instant.parse("2023-04-06T17:00:00Z"));
  }

  @Test
  void reReadsTheAccountsStatus() {
    stub("GET", "/v1/accounts/" + ACCOUNT, 200, fixture("account_enabled"));

    StripePayeeStatus status = onboarding.status(ACCOUNT);

    assertThat(status.canBePaid()).isTrue();
    assertThat(status.detailsSubmitted()).isTrue();
    assertThat(status.currentlyDue()).isEmpty();
    assertThat(status.disabledReason()).isNull();
  }

  @Test
  void appliesOnlyAccountUpdatedEvents() {
    StripePayeeStatus payee =
        new StripePayeeStatus(ACCOUNT, null, true, false, true, List.of(), List.of(), null);
    StripeEvent updated =
        new StripeEvent(
            "evt_1",
            "account.updated",
            StripeEventKind.ACCOUNT_UPDATED,
            Instant.EPOCH,
            false,
            ACCOUNT,
            ACCOUNT,
            null,
            null,
            null,
            null,
            null,
            null,
            payee,
            null,
            null,
            null);
    StripeEvent other =
        new StripeEvent(
            "evt_2",
            "transfer.created",
            StripeEventKind.TRANSFER_CREATED,
            Instant.EPOCH,
            false,
            null,
            "tr_1",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(onboarding.apply(updated)).isEqualTo(payee);
    assertThatThrownBy(() -> onboarding.apply(other))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("account.updated");
  }

  @Test
  void rejectsBadInputWithoutCallingStripe() {
    IdempotencyKey key = IdempotencyKey.of("x");
    assertThatThrownBy(() -> onboarding.createAccount(ProId.of("p-1"), "USA", key))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("country");
    assertThatThrownBy(
            () ->
                onboarding.onboardingLink(
                    "p-1", URI.create("https://a.example"), URI.create("https://b.example"), key))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("accountId");
    assertThatThrownBy(
            () ->
                onboarding.onboardingLink(
                    ACCOUNT, URI.create("/relative"), URI.create("https://b.example"), key))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("refreshUrl");
    assertThat(stripe.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void mapsStripeFailuresToProviderErrors() {
    stub("POST", "/v1/accounts", 400, fixture("error_resource_missing"));
    assertThatThrownBy(
            () ->
                onboarding.createAccount(
                    ProId.of("p-17"), "US", IdempotencyKey.of("payee", "p-17")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.providerRequestId()).contains("req_onboarding");
              assertThat(e.getCause()).isNull();
            });

    stripe.server.resetAll();
    stripe.server.stubFor(
        post(urlPathEqualTo("/v1/accounts"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(
            () ->
                onboarding.createAccount(
                    ProId.of("p-17"), "US", IdempotencyKey.of("payee", "p-17")))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());
  }
}
