package dev.oficio.examples;

import dev.oficio.payments.PaymentGateway;
import dev.oficio.shared.ValidationException;
import dev.oficio.stripe.StripeAdapters;
import dev.oficio.stripe.StripeConfig;
import java.util.Optional;

/** Builds the payment gateway the examples' command-line options ask for. */
final class Gateways {
  private Gateways() {}

  /** The gateways the examples can run on. */
  enum Kind {
    /** The in-process simulated gateway (no network). */
    SIMULATED,
    /** Stripe in test mode, or a Stripe-compatible test server given by its API base. */
    STRIPE
  }

  /**
   * The chosen gateway.
   *
   * @param kind which gateway
   * @param description what it is, safe to print (keys masked)
   * @param gateway the Stripe gateway, or empty for the simulated one
   */
  record Choice(Kind kind, String description, Optional<PaymentGateway> gateway) {}

  /**
   * Checks the options and builds the gateway. Stripe needs a test-mode key ({@code sk_test_…}):
   * the examples never touch live money. {@code stripeApiBase} points the client at another server
   * (a proxy or a local mock) and only goes with {@code stripe}.
   *
   * @throws ValidationException naming the option that is wrong
   */
  static Choice fromOptions(Kind kind, String stripeKey, String stripeApiBase) {
    Kind chosen = kind == null ? Kind.SIMULATED : kind;
    if (chosen == Kind.SIMULATED) {
      if (stripeKey != null || stripeApiBase != null) {
        throw ValidationException.of(
            "--gateway", "--stripe-key and --stripe-api-base need --gateway stripe");
      }
      return new Choice(Kind.SIMULATED, "simulated (in process, no network)", Optional.empty());
    }
    if (stripeKey == null || !stripeKey.startsWith("sk_test_")) {
      throw ValidationException.of(
          "--stripe-key", "--gateway stripe needs a test-mode secret key (sk_test_…)");
    }
    StripeConfig.Builder config = StripeConfig.builder().secretKey(stripeKey);
    if (stripeApiBase != null) {
      config.apiBase(stripeApiBase);
    }
    StripeConfig built = config.build();
    return new Choice(
        Kind.STRIPE,
        // Only the key's kind is printed, never the key.
        "stripe (key sk_test_****, API base " + built.apiBase() + ")",
        Optional.of(StripeAdapters.paymentGateway(built)));
  }
}
