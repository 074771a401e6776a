package dev.oficio.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;
import dev.oficio.payments.GatewayOutcome;
import dev.oficio.shared.ProviderException;

/**
 * Maps stripe-java's exceptions to Oficio's outcomes and errors (the error table). No
 * Stripe type escapes: the {@link ProviderException}s carry Stripe's code, message and request id
 * but not the vendor exception as their cause.
 */
final class StripeErrors {
  static final String PROVIDER = "stripe";

  private StripeErrors() {}

  /** A Stripe call that may fail with a {@link StripeException}. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws StripeException;
  }

  /**
   * The outcome of a failed money call: a card decline is {@link GatewayOutcome.Declined}; a
   * connection failure or timeout is {@link GatewayOutcome.Unknown} (the request may have reached
   * Stripe); everything else is thrown as a {@link ProviderException}.
   */
  static GatewayOutcome outcomeOf(String operation, StripeException e) {
    if (e instanceof CardException card) {
      return new GatewayOutcome.Declined(
          firstNonBlank(card.getDeclineCode(), card.getCode(), "card_declined"), safeMessage(e));
    }
    if (e instanceof ApiConnectionException) {
      return new GatewayOutcome.Unknown(
          "no response from Stripe to " + operation + " (" + connectionCause(e) + ")");
    }
    Integer status = e.getStatusCode();
    if (status != null && status >= 200 && status < 300) {
      // Stripe accepted the call but its reply could not be read: money may have moved.
      return new GatewayOutcome.Unknown(
          "unreadable Stripe response (HTTP " + status + ") to " + operation);
    }
    throw toProviderException(operation, e);
  }

  /**
   * The exception for a failure that is not a business outcome. Rate limits and 5xx are retryable
   * with the same idempotency key; an idempotency conflict, a bad request, a bad key or a missing
   * permission are not. A connection failure is retryable (the idempotency key makes the retry
   * safe).
   */
  static ProviderException toProviderException(String operation, StripeException e) {
    String code = firstNonBlank(e.getCode(), errorType(e), "stripe_error");
    boolean retryable;
    if ("idempotency_error".equals(errorType(e))) {
      // Same key, different parameters: a programming error; Stripe answers 400 or 409.
      code = "idempotency_error";
      retryable = false;
    } else if (e instanceof RateLimitException) {
      code = firstNonBlank(e.getCode(), "rate_limit");
      retryable = true;
    } else if (e instanceof ApiException) {
      retryable = true;
    } else if (e instanceof ApiConnectionException) {
      code = "api_connection_error";
      retryable = true;
    } else if (e instanceof PermissionException) {
      code = firstNonBlank(e.getCode(), "permission_error");
      retryable = false;
    } else if (e instanceof AuthenticationException) {
      code = firstNonBlank(e.getCode(), "authentication_error");
      retryable = false;
    } else {
      // InvalidRequestException, AuthenticationException, PermissionException, CardException
      // outside a money call, and anything else Stripe may add.
      retryable = false;
    }
    return new ProviderException(
        PROVIDER,
        code,
        retryable,
        e.getRequestId(),
        operation + " failed with HTTP " + e.getStatusCode() + ": " + safeMessage(e),
        null);
  }

  private static String errorType(StripeException e) {
    StripeError error = e.getStripeError();
    return error == null ? null : error.getType();
  }

  private static String safeMessage(StripeException e) {
    StripeError error = e.getStripeError();
    String message = error != null && error.getMessage() != null ? error.getMessage() : null;
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    return message;
  }

  private static String connectionCause(StripeException e) {
    Throwable cause = e.getCause();
    return cause == null ? "connection error" : cause.getClass().getSimpleName();
  }

  static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
