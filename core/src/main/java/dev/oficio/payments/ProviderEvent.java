package dev.oficio.payments;

import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.List;

/**
 * A provider's webhook event after verification, normalized by a {@link ProviderEventVerifier}:
 * what {@link ProviderEvents} needs to apply it, free of vendor types.
 */
public sealed interface ProviderEvent
    permits ProviderEvent.TransactionUpdate, ProviderEvent.PayeeUpdate, ProviderEvent.Other {

  /** The provider's event id, unique per provider; the dedupe key. */
  String eventId();

  /** The provider's event type, e.g. {@code payment_intent.succeeded}. */
  String type();

  /**
   * A transaction of an Oficio payment changed at the provider.
   *
   * @param eventId the event id
   * @param type the provider's event type
   * @param payment the Oficio payment (the adapter reads it from the metadata Oficio sent)
   * @param kind the kind of transaction
   * @param idempotencyKey the transaction's key if the provider echoes it, else null
   * @param providerReference the provider's reference of the object, or null
   * @param outcome what the provider reports; for unsigned providers {@link ProviderEvents}
   *     re-reads it with a look-up instead of trusting it
   */
  record TransactionUpdate(
      String eventId,
      String type,
      PaymentId payment,
      TransactionKind kind,
      IdempotencyKey idempotencyKey,
      String providerReference,
      GatewayOutcome outcome)
      implements ProviderEvent {
    /** Checks the fields. */
    public TransactionUpdate {
      ProviderEventChecks.check(eventId, type);
      if (payment == null || kind == null || outcome == null) {
        throw ValidationException.of("event", "payment, kind and outcome are required");
      }
      if (idempotencyKey == null && (providerReference == null || providerReference.isBlank())) {
        throw ValidationException.of(
            "event", "an idempotency key or a provider reference is required");
      }
    }
  }

  /**
   * A pro's payee account changed at the provider (Stripe {@code account.updated}).
   *
   * @param eventId the event id
   * @param type the provider's event type
   * @param providerAccountId the account
   * @param onboarding onboarding progress
   * @param payoutsEnabled whether payouts are enabled
   * @param requirementsDue what the provider still needs
   * @param occurredAt when the provider reported it
   */
  record PayeeUpdate(
      String eventId,
      String type,
      String providerAccountId,
      OnboardingStatus onboarding,
      boolean payoutsEnabled,
      List<String> requirementsDue,
      Instant occurredAt)
      implements ProviderEvent {
    /** Checks the fields. */
    public PayeeUpdate {
      ProviderEventChecks.check(eventId, type);
      if (providerAccountId == null || onboarding == null || occurredAt == null) {
        throw ValidationException.of("event", "account, onboarding and occurredAt are required");
      }
      requirementsDue = List.copyOf(requirementsDue == null ? List.of() : requirementsDue);
    }
  }

  /**
   * An event Oficio stores but does not act on.
   *
   * @param eventId the event id
   * @param type the provider's event type
   */
  record Other(String eventId, String type) implements ProviderEvent {
    /** Checks the fields. */
    public Other {
      ProviderEventChecks.check(eventId, type);
    }
  }
}
