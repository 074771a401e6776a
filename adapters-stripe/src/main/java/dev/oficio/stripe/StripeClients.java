package dev.oficio.stripe;

import com.stripe.StripeClient;
import com.stripe.net.RequestOptions;
import dev.oficio.shared.IdempotencyKey;

/**
 * Builds instance-scoped Stripe clients; the static {@code Stripe.apiKey} globals are never used.
 */
final class StripeClients {
  private StripeClients() {}

  static StripeClient create(StripeConfig config) {
    return StripeClient.builder()
        .setApiKey(config.secretKey())
        .setApiBase(config.apiBase())
        .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
        .setReadTimeout(Math.toIntExact(config.readTimeout().toMillis()))
        // StripeClient defaults to no retries; retries reuse the idempotency key below.
        .setMaxNetworkRetries(config.maxNetworkRetries())
        .build();
  }

  /** Options of a POST: the idempotency key derived from the domain command, never a random one. */
  static RequestOptions idempotent(IdempotencyKey key) {
    return RequestOptions.builder().setIdempotencyKey(key.value()).build();
  }
}
