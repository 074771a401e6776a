package dev.oficio.payments;

import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.Optional;

/**
 * What a provider call did. A business result, never thrown: a declined card is {@link Declined}; a
 * timeout that may or may not have moved money is {@link Unknown} and is settled later by the
 * janitor through {@link PaymentGateway#lookup}.
 */
public sealed interface GatewayOutcome
    permits GatewayOutcome.Succeeded,
        GatewayOutcome.Declined,
        GatewayOutcome.Pending,
        GatewayOutcome.Unknown {

  /**
   * The provider applied the operation.
   *
   * @param providerReference the provider's id of what was created (payment intent, refund,
   *     transfer)
   * @param amount the amount the provider actually moved or holds
   * @param captureBefore for a hold, the instant it expires; otherwise null
   */
  record Succeeded(String providerReference, Money amount, Instant captureBefore)
      implements GatewayOutcome {
    /** Checks the fields. */
    public Succeeded {
      requireReference(providerReference);
      if (amount == null) {
        throw ValidationException.of("amount", "must not be null");
      }
    }

    /** The hold's expiry, for authorizations. */
    public Optional<Instant> holdExpiry() {
      return Optional.ofNullable(captureBefore);
    }
  }

  /**
   * The provider refused: a card decline, insufficient funds, a blocked account. Final.
   *
   * @param code the provider's decline code, e.g. {@code insufficient_funds}
   * @param message a message safe to show an operator
   */
  record Declined(String code, String message) implements GatewayOutcome {
    /** Checks the fields. */
    public Declined {
      if (code == null || code.isBlank()) {
        throw ValidationException.of("code", "must not be blank");
      }
      if (message == null) {
        message = "";
      }
    }

    /** The decline code a {@link PaymentGateway#lookup} answers when the provider has no record. */
    public static final String NOT_FOUND = "not_found";

    /**
     * The answer of a look-up for a call the provider never received: the caller may re-send it
     * with the same idempotency key.
     */
    public static Declined notFound(String message) {
      return new Declined(NOT_FOUND, message);
    }

    /** Whether this is the look-up answer "the provider has no record of the call". */
    public boolean isNotFound() {
      return NOT_FOUND.equals(code);
    }
  }

  /**
   * The provider accepted the call but has not finished (e.g. a refund in progress); a webhook or a
   * later lookup settles it.
   *
   * @param providerReference the provider's id to look it up by
   */
  record Pending(String providerReference) implements GatewayOutcome {
    /** Checks the field. */
    public Pending {
      requireReference(providerReference);
    }
  }

  /**
   * Nobody knows whether the provider applied the call (timeout, connection reset). Money may have
   * moved; the janitor looks it up.
   *
   * @param cause what went wrong, for the operator log
   */
  record Unknown(String cause) implements GatewayOutcome {
    /** Checks the field. */
    public Unknown {
      if (cause == null || cause.isBlank()) {
        throw ValidationException.of("cause", "must not be blank");
      }
    }
  }

  private static void requireReference(String providerReference) {
    if (providerReference == null || providerReference.isBlank()) {
      throw ValidationException.of("providerReference", "must not be blank");
    }
  }
}
