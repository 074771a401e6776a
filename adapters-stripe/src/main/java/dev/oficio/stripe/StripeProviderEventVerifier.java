package dev.oficio.stripe;

import dev.oficio.payments.ProviderEvent;
import dev.oficio.payments.ProviderEventVerifier;
import java.util.Locale;
import java.util.Map;

/**
 * Core's {@link ProviderEventVerifier} for Stripe: a thin wrapper over {@link
 * StripeWebhookVerifier} that turns a {@link StripeEvent} into a {@link ProviderEvent} for {@code
 * ProviderEvents}. PaymentIntent and {@code transfer.created} events become transaction updates
 * (matched to the Oficio transaction by the echoed idempotency key or the provider reference);
 * {@code account.updated} becomes a payee update; everything else is stored and not acted on.
 */
final class StripeProviderEventVerifier implements ProviderEventVerifier {
  /** HTTP header names reach {@link #verify} in lower case. */
  static final String HEADER = StripeWebhookVerifier.SIGNATURE_HEADER.toLowerCase(Locale.ROOT);

  private final StripeWebhookVerifier verifier;

  StripeProviderEventVerifier(StripeWebhookVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public String provider() {
    return StripeErrors.PROVIDER;
  }

  @Override
  public boolean signed() {
    return true;
  }

  @Override
  public ProviderEvent verify(String rawBody, Map<String, String> headers) {
    String header = headers == null ? null : headers.get(HEADER);
    return toProviderEvent(verifier.verify(rawBody, header));
  }

  static ProviderEvent toProviderEvent(StripeEvent event) {
    StripePayeeStatus payee = event.payee();
    if (event.kind() == StripeEventKind.ACCOUNT_UPDATED
        && payee != null
        && event.created() != null) {
      return new ProviderEvent.PayeeUpdate(
          event.id(),
          event.type(),
          payee.accountId(),
          payee.onboarding(),
          payee.payoutsEnabledWhenOnboarded(),
          payee.requirementsDue(),
          event.created());
    }
    boolean identifiable = event.idempotencyKey() != null || event.objectId() != null;
    if (event.transaction() != null
        && event.payment() != null
        && event.outcome() != null
        && identifiable) {
      return new ProviderEvent.TransactionUpdate(
          event.id(),
          event.type(),
          event.payment(),
          event.transaction(),
          event.idempotencyKey(),
          event.objectId(),
          event.outcome());
    }
    return new ProviderEvent.Other(event.id(), event.type());
  }
}
