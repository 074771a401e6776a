package dev.oficio.reliability;

import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;

/** Field checks shared by the events. */
final class Checks {
  private Checks() {}

  static void common(ProId pro, Instant at) {
    if (pro == null) {
      throw ValidationException.of("pro", "must not be null");
    }
    if (at == null) {
      throw ValidationException.of("at", "must not be null");
    }
  }

  static void notNegative(String field, long value) {
    if (value < 0) {
      throw ValidationException.of(field, "must be zero or positive, was " + value);
    }
  }
}
