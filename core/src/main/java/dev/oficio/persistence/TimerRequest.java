package dev.oficio.persistence;

import dev.oficio.shared.ValidationException;
import java.time.Instant;

/**
 * Something to do later: capture a hold before it expires, escalate an SLA, retry a dunning charge.
 *
 * @param key unique business key, e.g. {@code hold-expiry:pay-000001}; scheduling the same key
 *     twice keeps the first timer
 * @param kind the handler that runs it, e.g. {@code payments.hold-expiry}
 * @param dueAt when it becomes due
 * @param payload small text the handler needs (often an aggregate id); may be empty, not null
 */
public record TimerRequest(String key, String kind, Instant dueAt, String payload) {
  /** Checks the fields. */
  public TimerRequest {
    if (key == null || key.isBlank() || key.length() > 200) {
      throw ValidationException.of("key", "must be 1 to 200 characters");
    }
    if (kind == null || kind.isBlank() || kind.length() > 100) {
      throw ValidationException.of("kind", "must be 1 to 100 characters");
    }
    if (dueAt == null) {
      throw ValidationException.of("dueAt", "must not be null");
    }
    if (payload == null) {
      throw ValidationException.of("payload", "must not be null (use an empty string)");
    }
  }
}
