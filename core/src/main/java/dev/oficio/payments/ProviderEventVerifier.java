package dev.oficio.payments;

import java.util.Map;

/**
 * Verifies one provider's webhook (its signature on the raw body, where the provider signs) and
 * parses it into a normalized {@link ProviderEvent}. Adapters implement it (Stripe checks {@code
 * Stripe-Signature}; ATH Móvil signs nothing, so its verifier reports {@link #signed()} false and
 * Oficio re-reads the payment instead of trusting the body).
 *
 * <p>Implementations are thread-safe and never let a vendor exception out.
 */
public interface ProviderEventVerifier {

  /**
   * The provider these events come from, e.g. {@code stripe}; matches {@link
   * PaymentGateway#provider()}.
   */
  String provider();

  /** Whether the provider signs its events; unsigned events are confirmed by a look-up. */
  boolean signed();

  /**
   * Verifies and parses one delivery.
   *
   * @param rawBody the body exactly as received
   * @param headers the HTTP headers, names in lower case
   * @throws dev.oficio.shared.ValidationException naming {@code signature} when the signature is
   *     missing, stale or wrong, or {@code body} when it cannot be parsed
   */
  ProviderEvent verify(String rawBody, Map<String, String> headers);
}
