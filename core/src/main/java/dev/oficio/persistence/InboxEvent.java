package dev.oficio.persistence;

import dev.oficio.shared.ValidationException;
import java.time.Instant;

/**
 * A provider event (webhook) as received, stored before it is applied.
 *
 * @param provider the provider, e.g. {@code stripe}
 * @param eventId the provider's event id; unique per provider
 * @param type the provider's event type, e.g. {@code payment_intent.succeeded}
 * @param receivedAt when Oficio received it
 * @param rawBody the body exactly as received, kept for audit and replay
 */
public record InboxEvent(
    String provider, String eventId, String type, Instant receivedAt, String rawBody) {
  /** Checks the fields. */
  public InboxEvent {
    if (provider == null || provider.isBlank()) {
      throw ValidationException.of("provider", "must not be blank");
    }
    if (eventId == null || eventId.isBlank()) {
      throw ValidationException.of("eventId", "must not be blank");
    }
    if (type == null || type.isBlank()) {
      throw ValidationException.of("type", "must not be blank");
    }
    if (receivedAt == null) {
      throw ValidationException.of("receivedAt", "must not be null");
    }
    if (rawBody == null) {
      throw ValidationException.of("rawBody", "must not be null");
    }
  }
}
