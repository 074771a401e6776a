package dev.oficio.payments;

import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.time.Instant;

/**
 * One money operation of a {@link Payment} at the provider: an authorization, a capture, a refund…
 * Immutable; {@link Payment} replaces it when its status changes.
 *
 * @param kind what it does
 * @param status where it stands
 * @param amount the amount (minor units inside {@link Money}); positive
 * @param platformFee for CAPTURE/CHARGE the platform fee kept from a destination payment (zero
 *     otherwise); for REFUND the part of the refund taken back from the platform's fee (the rest is
 *     taken back from the pro); zero for other kinds
 * @param idempotencyKey the key derived from the domain command; unique within the payment
 * @param target the provider reference the operation acts on (the hold for CAPTURE/VOID, the
 *     payment for REFUND/TRANSFER, the transfer for TRANSFER_REVERSAL), or null for
 *     AUTHORIZE/CHARGE
 * @param note a short reason (void reason) or empty
 * @param afterRelease for REFUND, whether it was asked after the payment's money was released to
 *     platform and pro (then it reverses fee and pro share; otherwise it returns customer funds)
 * @param providerReference the provider's id of what the operation created, or null until known
 * @param declineCode the provider's decline code when DECLINED, else null
 * @param captureBefore for a successful AUTHORIZE, when the hold expires; else null
 * @param createdAt when the intent was recorded
 * @param updatedAt when the status last changed
 * @param attempts how many times the janitor looked it up without settling it
 * @param nextCheckAt when the janitor may look at it next (only meaningful while open)
 * @param escalated whether an operator was alerted about it
 */
public record PaymentTransaction(
    TransactionKind kind,
    TransactionStatus status,
    Money amount,
    Money platformFee,
    IdempotencyKey idempotencyKey,
    String target,
    String note,
    boolean afterRelease,
    String providerReference,
    String declineCode,
    Instant captureBefore,
    Instant createdAt,
    Instant updatedAt,
    int attempts,
    Instant nextCheckAt,
    boolean escalated) {

  /** Checks the fields. */
  public PaymentTransaction {
    if (kind == null || status == null || idempotencyKey == null) {
      throw ValidationException.of("transaction", "kind, status and idempotencyKey are required");
    }
    if (amount == null || !amount.isPositive()) {
      throw ValidationException.of("amount", "must be positive");
    }
    if (platformFee == null
        || platformFee.isNegative()
        || platformFee.isGreaterThan(amount)
        || !platformFee.currency().equals(amount.currency())) {
      throw ValidationException.of("platformFee", "must be between zero and the amount");
    }
    if (createdAt == null || updatedAt == null || nextCheckAt == null) {
      throw ValidationException.of(
          "createdAt", "createdAt, updatedAt and nextCheckAt are required");
    }
    if (attempts < 0) {
      throw ValidationException.of("attempts", "must not be negative");
    }
    note = note == null ? "" : note;
  }

  /** Whether the provider's answer is still open (PENDING or UNKNOWN). */
  public boolean isOpen() {
    return !status.isFinal();
  }

  /**
   * Whether it succeeded or may still succeed: counted against limits so they are never crossed.
   */
  boolean mayHaveMoved() {
    return status != TransactionStatus.DECLINED;
  }

  /** Whether it succeeded. */
  public boolean succeeded() {
    return status == TransactionStatus.SUCCEEDED;
  }

  PaymentTransaction withStatus(
      TransactionStatus newStatus,
      String reference,
      String code,
      Instant holdExpiry,
      Instant now,
      Instant nextCheck) {
    return new PaymentTransaction(
        kind,
        newStatus,
        amount,
        platformFee,
        idempotencyKey,
        target,
        note,
        afterRelease,
        reference == null ? providerReference : reference,
        code,
        holdExpiry == null ? captureBefore : holdExpiry,
        createdAt,
        now,
        attempts,
        nextCheck,
        escalated);
  }

  PaymentTransaction withCheck(int newAttempts, Instant nextCheck, boolean nowEscalated) {
    return new PaymentTransaction(
        kind,
        status,
        amount,
        platformFee,
        idempotencyKey,
        target,
        note,
        afterRelease,
        providerReference,
        declineCode,
        captureBefore,
        createdAt,
        updatedAt,
        newAttempts,
        nextCheck,
        nowEscalated);
  }
}
