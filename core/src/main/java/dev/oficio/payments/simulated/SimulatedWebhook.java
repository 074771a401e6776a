package dev.oficio.payments.simulated;

import java.util.Map;

/**
 * One webhook delivery of the simulated provider: pass it to {@code
 * ProviderEvents.accept(SimulatedGateway.PROVIDER, body, headers)}.
 *
 * @param eventId the event id
 * @param body the raw body
 * @param headers the HTTP headers, including the signature
 */
public record SimulatedWebhook(String eventId, String body, Map<String, String> headers) {
  /** Copies the headers. */
  public SimulatedWebhook {
    headers = Map.copyOf(headers);
  }
}
