package dev.oficio.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.ValidationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class GatewaysTest {
  private static final String KEY = "sk_test_51OficioDemoKey4321";

  @Test
  void defaultsToTheSimulatedGateway() {
    Gateways.Choice choice = Gateways.fromOptions(null, null, null);

    assertThat(choice.kind()).isEqualTo(Gateways.Kind.SIMULATED);
    assertThat(choice.gateway()).isEmpty();
  }

  @Test
  void buildsTheStripeGatewayForATestKey() {
    Gateways.Choice choice =
        Gateways.fromOptions(Gateways.Kind.STRIPE, KEY, "http://127.0.0.1:12111");

    assertThat(choice.kind()).isEqualTo(Gateways.Kind.STRIPE);
    assertThat(choice.gateway())
        .hasValueSatisfying(g -> assertThat(g.provider()).isEqualTo("stripe"));
    assertThat(choice.description())
        .contains("http://127.0.0.1:12111")
        .doesNotContain("OficioDemoKey4321");
  }

  @Test
  void refusesLiveKeysAndMissingKeys() {
    assertThatThrownBy(() -> Gateways.fromOptions(Gateways.Kind.STRIPE, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("--stripe-key");
    assertThatThrownBy(
            () -> Gateways.fromOptions(Gateways.Kind.STRIPE, "sk_" + "live_51OficioLive", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("sk_test_");
  }

  @Test
  void stripeOptionsNeedTheStripeGateway() {
    assertThatThrownBy(() -> Gateways.fromOptions(Gateways.Kind.SIMULATED, KEY, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("--gateway stripe");
  }

  @Test
  void theDemoRunsOnStripeAndReportsAnUnreachableApiWithoutLeakingTheKey() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    // Nothing listens on port 9 (discard) of 127.0.0.1: the hold's outcome is unknown and the
    // story stops with an error instead of inventing a result.
    int status =
        OficioCli.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "demo",
            "--gateway",
            "stripe",
            "--stripe-key",
            KEY,
            "--stripe-api-base",
            "http://127.0.0.1:9");

    assertThat(out.toString())
        .contains("Payment gateway: stripe")
        .contains("http://127.0.0.1:9")
        .doesNotContain("OficioDemoKey4321");
    assertThat(status).isNotZero();
    assertThat(err.toString()).contains("error:").doesNotContain("OficioDemoKey4321");
  }

  @Test
  void theDemoUsesTheSimulatedGatewayByDefault() {
    StringWriter out = new StringWriter();

    int status = OficioCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "demo");

    assertThat(status).isZero();
    assertThat(out.toString()).contains("Payment gateway: simulated");
  }

  @Test
  void theDemoRejectsAStripeGatewayWithoutKey() {
    StringWriter err = new StringWriter();

    int status =
        OficioCli.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "demo",
            "--gateway",
            "stripe");

    assertThat(status).isNotZero();
    assertThat(err.toString()).contains("--stripe-key");
  }
}
