package dev.oficio.shared;

import java.util.Optional;

/**
 * A payment, billing or registry provider failed in a way that is not a business outcome: an
 * outage, a rate limit, a rejected request. Vendor exceptions never leave an adapter; they are
 * mapped to this type. {@link #retryable()} says whether the same call may succeed later.
 */
public final class ProviderException extends OficioException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final String code;
  private final boolean retryable;
  private final String providerRequestId;

  /**
   * @param provider the provider name, e.g. {@code "stripe"}
   * @param code the provider's error code, or a short Oficio code; never null
   * @param retryable whether retrying the same call (same idempotency key) may succeed
   * @param providerRequestId the provider's request id for support, may be null
   * @param message what happened; never contains secrets
   * @param cause the vendor exception, may be null
   */
  public ProviderException(
      String provider,
      String code,
      boolean retryable,
      String providerRequestId,
      String message,
      Throwable cause) {
    super(provider + " " + code + ": " + message, cause);
    this.provider = provider;
    this.code = code;
    this.retryable = retryable;
    this.providerRequestId = providerRequestId;
  }

  /** The provider name. */
  public String provider() {
    return provider;
  }

  /** The provider's error code. */
  public String code() {
    return code;
  }

  /** Whether the same call may succeed if retried later. */
  public boolean retryable() {
    return retryable;
  }

  /** The provider's request id, when it gave one. */
  public Optional<String> providerRequestId() {
    return Optional.ofNullable(providerRequestId);
  }
}
