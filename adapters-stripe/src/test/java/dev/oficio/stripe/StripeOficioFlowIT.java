package dev.oficio.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.oficio.stripe.StripeStub.fixture;
import static dev.oficio.stripe.StripeStub.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.oficio.Oficio;
import dev.oficio.jobs.Job;
import dev.oficio.jobs.JobStatus;
import dev.oficio.jobs.QuoteJob;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.payments.Payment;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Oficio's job story (quote → hold → complete with fee and transfer → partial refund) run through
 * the Stripe gateway against WireMock: the adapter fits core's payment service end to end.
 */
class StripeOficioFlowIT {
  private static final Currency USD = Currency.getInstance("USD");
  private static final String HOLD = "pi_3OficioHold0001";
  private final StripeStub stripe = new StripeStub();

  @AfterEach
  void stop() {
    stripe.close();
  }

  /** A clock the test moves forward. */
  private static final class TestClock extends Clock {
    private Instant now;

    TestClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private void stub(String method, String path, String fixture) {
    var mapping = "GET".equals(method) ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path));
    stripe.server.stubFor(
        mapping.willReturn(
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture(fixture))));
  }

  @Test
  void runsAJobsMoneyThroughStripe() {
    stub("POST", "/v1/payment_intents", "payment_intent_requires_capture");
    stub("GET", "/v1/payment_intents/" + HOLD, "payment_intent_requires_capture_platform");
    stub("POST", "/v1/payment_intents/" + HOLD + "/capture", "payment_intent_captured_full");
    stub("POST", "/v1/transfers", "transfer");
    stub("POST", "/v1/refunds", "refund_succeeded");
    stub("POST", "/v1/transfers/tr_1OficioTransfer1/reversals", "transfer_reversal_4400");

    // Before the fixture hold's capture_before (2023-04-13T17:01:45Z).
    TestClock clock = new TestClock(Instant.parse("2023-04-06T17:00:00Z"));
    Oficio oficio =
        Oficio.builder()
            .clock(clock)
            .ids(IdGenerator.sequential())
            .paymentGateway(StripeAdapters.paymentGateway(stripe.config()))
            .build();
    ProId pro = ProId.of("p-17");
    oficio.payees().register(pro, "stripe", "acct_1OficioPro17");
    oficio.payees().update(pro, OnboardingStatus.COMPLETE, true, List.of());

    Job job =
        oficio
            .jobs()
            .quote(
                new QuoteJob(
                    CustomerId.of("c-ana"),
                    pro,
                    Money.of("250.00", USD),
                    clock.instant().plus(Duration.ofDays(2)),
                    "pm_card_visa",
                    "electrical",
                    null));
    job = oficio.jobs().accept(job.id());
    Payment held = oficio.payments().get(job.payment().orElseThrow());
    assertThat(held.transactions().get(0).providerReference()).isEqualTo(HOLD);
    assertThat(held.transactions().get(0).captureBefore())
        .isEqualTo(Instant.parse("2023-04-13T17:01:45Z"));

    clock.advance(Duration.ofDays(2));
    oficio.jobs().start(job.id());
    clock.advance(Duration.ofHours(5));
    job = oficio.jobs().complete(job.id());
    clock.advance(Duration.ofDays(1));
    job = oficio.jobs().refund(job.id(), "1", Money.of("50.00", USD));

    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    Payment payment = oficio.payments().get(job.payment().orElseThrow());
    // $250 captured; 12% fee = $30, so the pro got $220; a $50 refund takes back 220/250 of it.
    assertThat(payment.taken()).isEqualTo(Money.of("250.00", USD));
    assertThat(payment.refunded()).isEqualTo(Money.of("50.00", USD));
    assertThat(payment.transferredNet()).isEqualTo(Money.of("176.00", USD));
    assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();

    List<LoggedRequest> posts = stripe.server.findAll(postRequestedFor(anyUrl()));
    // Every POST carries the key core derived from the command (its exact format is core's).
    assertThat(posts)
        .extracting(LoggedRequest::getUrl)
        .containsExactly(
            "/v1/payment_intents",
            "/v1/payment_intents/" + HOLD + "/capture",
            "/v1/transfers",
            "/v1/refunds",
            "/v1/transfers/tr_1OficioTransfer1/reversals");
    List<String> keys = posts.stream().map(r -> r.getHeader("Idempotency-Key")).toList();
    String id = payment.id().value();
    assertThat(keys.get(0)).isEqualTo("authorize:" + id);
    assertThat(keys.get(1)).startsWith("capture:" + id);
    assertThat(keys.get(2)).startsWith("transfer:" + id);
    assertThat(keys.get(3)).startsWith("refund:" + id);
    assertThat(keys.get(4)).startsWith("transfer-reversal:" + id);
    Map<String, String> capture = form(posts.get(1));
    assertThat(capture).containsExactlyInAnyOrderEntriesOf(Map.of("amount_to_capture", "25000"));
    assertThat(form(posts.get(2)))
        .containsEntry("amount", "22000")
        .containsEntry("source_transaction", "ch_3OficioHold0001");
    assertThat(form(posts.get(4))).containsEntry("amount", "4400");
  }
}
