package dev.oficio.payments;

import dev.oficio.shared.ValidationException;

/** Field checks of provider events. */
final class ProviderEventChecks {
  private ProviderEventChecks() {}

  static void check(String eventId, String type) {
    if (eventId == null || eventId.isBlank()) {
      throw ValidationException.of("eventId", "must not be blank");
    }
    if (type == null || type.isBlank()) {
      throw ValidationException.of("type", "must not be blank");
    }
  }
}
