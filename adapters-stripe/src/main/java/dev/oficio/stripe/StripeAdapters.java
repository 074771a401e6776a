package dev.oficio.stripe;

import dev.oficio.payments.PaymentGateway;
import dev.oficio.payments.ProviderEventVerifier;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.ValidationException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates the Stripe adapters from a {@link StripeConfig}. Each adapter gets its own
 * instance-scoped stripe-java client; the static {@code Stripe.apiKey} globals are never touched,
 * so several configurations can live in one JVM.
 */
public final class StripeAdapters {
  private StripeAdapters() {}

  /**
   * The Stripe {@link PaymentGateway}. An Oficio customer id that is a Stripe customer id ({@code
   * cus_…}) is sent as {@code customer}; otherwise no customer is sent.
   */
  public static PaymentGateway paymentGateway(StripeConfig config) {
    return paymentGateway(config, StripePaymentGateway::customerIdIfStripe);
  }

  /**
   * The Stripe {@link PaymentGateway}, sending as {@code customer} the Stripe customer ({@code
   * cus_…}) that {@code stripeCustomers} maps the Oficio customer to (empty: none is sent). The
   * payment method must belong to that customer.
   */
  public static PaymentGateway paymentGateway(
      StripeConfig config, Function<CustomerId, Optional<String>> stripeCustomers) {
    if (config == null) {
      throw ValidationException.of("config", "must not be null");
    }
    if (stripeCustomers == null) {
      throw ValidationException.of("stripeCustomers", "must not be null");
    }
    Function<CustomerId, Optional<String>> safe =
        customer -> {
          Optional<String> found = stripeCustomers.apply(customer);
          return found == null ? Optional.empty() : found;
        };
    return new StripePaymentGateway(StripeClients.create(config), safe);
  }

  /** Connect onboarding of pros. */
  public static StripePayeeOnboarding payeeOnboarding(StripeConfig config) {
    return StripePayeeOnboarding.create(config);
  }

  /**
   * Core's webhook verifier for Stripe, to register with {@code
   * Oficio.builder().providerEventVerifier(...)}; {@code ProviderEvents} then stores, dedupes and
   * applies Stripe deliveries. Reads the {@code stripe-signature} header.
   */
  public static ProviderEventVerifier providerEventVerifier(StripeConfig config, Clock clock) {
    return new StripeProviderEventVerifier(StripeWebhookVerifier.create(config, clock));
  }

  /** The webhook verifier, checking timestamps against {@code clock}. */
  public static StripeWebhookVerifier webhookVerifier(StripeConfig config, Clock clock) {
    return StripeWebhookVerifier.create(config, clock);
  }
}
