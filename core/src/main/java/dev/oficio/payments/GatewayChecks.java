package dev.oficio.payments;

import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ValidationException;

/** Field checks shared by the gateway requests. */
final class GatewayChecks {
  private GatewayChecks() {}

  static void common(IdempotencyKey key, PaymentId payment) {
    if (key == null) {
      throw ValidationException.of("idempotencyKey", "must not be null");
    }
    if (payment == null) {
      throw ValidationException.of("payment", "must not be null");
    }
  }

  static void positive(String field, Money amount) {
    if (amount == null || !amount.isPositive()) {
      throw ValidationException.of(field, "must be positive");
    }
  }

  static void notNegative(String field, Money amount) {
    if (amount == null || amount.isNegative()) {
      throw ValidationException.of(field, "must be zero or positive");
    }
  }

  static void notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ValidationException.of(field, "must not be blank");
    }
  }
}
