package dev.oficio.stripe;

import dev.oficio.payments.GatewayCall;
import dev.oficio.shared.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata keys Oficio writes on Stripe objects. They let a lookup find an object whose
 * creation reply was lost, and let webhooks be traced back to Oficio's payment.
 */
final class StripeMetadata {
  static final String PAYMENT_ID = "oficio_payment_id";
  static final String PRO_ID = "oficio_pro_id";
  static final String CUSTOMER_ID = "oficio_customer_id";
  static final String IDEMPOTENCY_KEY = "oficio_idempotency_key";

  // Stripe's limits on metadata.
  private static final int MAX_KEYS = 50;
  private static final int MAX_KEY_LENGTH = 40;
  private static final int MAX_VALUE_LENGTH = 500;

  private StripeMetadata() {}

  /** The payment id and idempotency key of {@code request}. */
  static Map<String, String> of(GatewayCall request) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(PAYMENT_ID, request.payment().value());
    metadata.put(IDEMPOTENCY_KEY, request.idempotencyKey().value());
    return metadata;
  }

  /**
   * Oficio's keys plus the host's extra ids, checked against Stripe's limits; the host may not
   * overwrite Oficio's keys.
   */
  static Map<String, String> merge(Map<String, String> oficio, Map<String, String> host) {
    Map<String, String> metadata = new LinkedHashMap<>(oficio);
    for (Map.Entry<String, String> entry : host.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
        throw ValidationException.of("metadata", "keys must be 1 to 40 characters");
      }
      if (value == null || value.length() > MAX_VALUE_LENGTH) {
        throw ValidationException.of("metadata." + key, "must be at most 500 characters");
      }
      if (metadata.containsKey(key)) {
        throw ValidationException.of("metadata." + key, "is reserved for Oficio");
      }
      metadata.put(key, value);
    }
    if (metadata.size() > MAX_KEYS) {
      throw ValidationException.of("metadata", "Stripe accepts at most 50 keys");
    }
    return metadata;
  }

  /** A search query term matching a metadata value exactly, with quotes escaped. */
  static String searchTerm(String key, String value) {
    String escaped = value.replace("\\", "\\\\").replace("'", "\\'");
    return "metadata['" + key + "']:'" + escaped + "'";
  }
}
