package dev.oficio.reliability;

import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;

/** Field checks shared by the events. */
final class Checks {
  // Millisecond arithmetic on event times must not overflow; real events fall well inside.
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private Checks() {}

  static void instant(String field, Instant at) {
    if (at == null) {
      throw ValidationException.of(field, "must not be null");
    }
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      throw ValidationException.of(
          field, "must be between " + EARLIEST + " and " + LATEST + ", was " + at);
    }
  }

  static void common(ProId pro, Instant at) {
    if (pro == null) {
      throw ValidationException.of("pro", "must not be null");
    }
    instant("at", at);
  }

  static void notNegative(String field, long value) {
    if (value < 0) {
      throw ValidationException.of(field, "must be zero or positive, was " + value);
    }
  }
}
