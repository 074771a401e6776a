package dev.oficio.payments.simulated;

import dev.oficio.payments.GatewayOutcome;
import dev.oficio.payments.ProviderEvent;
import dev.oficio.payments.ProviderEventVerifier;
import dev.oficio.payments.TransactionKind;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies the {@link SimulatedGateway}'s webhooks: header {@code simulated-signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "t.body">}, five minutes of tolerance, and parses the {@code
 * key=value} lines of the body.
 */
final class SimulatedEventVerifier implements ProviderEventVerifier {
  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final String secret;
  private final Clock clock;

  SimulatedEventVerifier(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  @Override
  public String provider() {
    return SimulatedGateway.PROVIDER;
  }

  @Override
  public boolean signed() {
    return true;
  }

  @Override
  public ProviderEvent verify(String rawBody, Map<String, String> headers) {
    String header = headers.get(SimulatedGateway.signatureHeader());
    if (header == null) {
      throw ValidationException.of("signature", "missing " + SimulatedGateway.signatureHeader());
    }
    long t = -1;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        try {
          t = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          throw ValidationException.of("signature", "bad timestamp");
        }
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t < 0 || v1 == null || !SimulatedSignature.matches(secret, t, rawBody, v1)) {
      throw ValidationException.of("signature", "does not match the body");
    }
    Instant signedAt = Instant.ofEpochSecond(t);
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
      throw ValidationException.of("signature", "timestamp outside the tolerance of " + TOLERANCE);
    }
    Map<String, String> fields = new HashMap<>();
    for (String line : rawBody.split("\n")) {
      String[] kv = line.split("=", 2);
      if (kv.length == 2) {
        fields.put(kv[0], kv[1]);
      }
    }
    try {
      String status = fields.get("status");
      GatewayOutcome outcome =
          "succeeded".equals(status)
              ? new GatewayOutcome.Succeeded(
                  fields.get("reference"),
                  Money.ofMinor(
                      Long.parseLong(fields.get("amount")),
                      Currency.getInstance(fields.get("currency"))),
                  fields.containsKey("captureBefore")
                      ? Instant.parse(fields.get("captureBefore"))
                      : null)
              : new GatewayOutcome.Declined(fields.get("code"), "declined at the provider");
      return new ProviderEvent.TransactionUpdate(
          fields.get("id"),
          fields.get("type"),
          PaymentId.of(fields.get("payment")),
          TransactionKind.valueOf(fields.get("kind")),
          IdempotencyKey.of(fields.get("key")),
          fields.get("reference"),
          outcome);
    } catch (RuntimeException e) {
      if (e instanceof ValidationException v) {
        throw v;
      }
      throw ValidationException.of("body", "cannot parse the event: " + e.getMessage());
    }
  }
}
