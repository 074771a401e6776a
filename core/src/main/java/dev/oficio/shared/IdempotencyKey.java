package dev.oficio.shared;

/**
 * A key that makes an externally visible operation safe to repeat: the same key means the same
 * operation, which takes effect once. Always derived from the domain command ({@code
 * capture:pay-000001:1}), never random, so a retry after a crash or a timeout sends the same key.
 *
 * @param value 1 to 255 printable characters without spaces
 */
public record IdempotencyKey(String value) {
  /** Checks the value. */
  public IdempotencyKey {
    if (value == null || value.isBlank()) {
      throw ValidationException.of("idempotencyKey", "must not be blank");
    }
    if (value.length() > 255 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ValidationException.of(
          "idempotencyKey", "must be 1 to 255 printable ASCII characters without spaces");
    }
  }

  /** The key made of {@code parts} joined by {@code ':'}: {@code of("capture", "pay-1", "1")}. */
  public static IdempotencyKey of(Object... parts) {
    if (parts == null || parts.length == 0) {
      throw ValidationException.of("idempotencyKey", "needs at least one part");
    }
    StringBuilder joined = new StringBuilder();
    for (Object part : parts) {
      if (part == null) {
        throw ValidationException.of("idempotencyKey", "parts must not be null");
      }
      if (joined.length() > 0) {
        joined.append(':');
      }
      joined.append(part);
    }
    return new IdempotencyKey(joined.toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
