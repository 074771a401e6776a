package dev.oficio.stripe;

import dev.oficio.shared.ValidationException;
import java.net.URI;
import java.time.Instant;

/**
 * A single-use Stripe onboarding link to send the pro to. It expires within minutes; reaching the
 * return URL does not mean onboarding is complete ({@code account.updated} says so).
 *
 * @param url where to redirect the pro
 * @param expiresAt when the link stops working
 */
public record StripeOnboardingLink(URI url, Instant expiresAt) {
  /** Checks the fields. */
  public StripeOnboardingLink {
    if (url == null) {
      throw ValidationException.of("url", "must not be null");
    }
    if (expiresAt == null) {
      throw ValidationException.of("expiresAt", "must not be null");
    }
  }
}
