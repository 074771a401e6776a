package dev.oficio.payments.simulated;

/** A failure the {@link SimulatedGateway} can inject into a call. */
public enum SimulatedFault {
  /** The provider refuses (card declined). Only authorizations and charges are declined. */
  DECLINE,
  /** The call times out before the provider applied it: the caller sees UNKNOWN, nothing moved. */
  TIMEOUT_BEFORE_APPLY,
  /** The call times out after the provider applied it: the caller sees UNKNOWN but money moved. */
  TIMEOUT_AFTER_APPLY,
  /** A retryable provider error (HTTP 5xx, rate limit) before anything was applied. */
  TRANSIENT_ERROR
}
