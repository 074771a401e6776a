package dev.oficio.payments;

import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.util.Map;

/**
 * The requests a {@link PaymentGateway} accepts. Each carries the {@link IdempotencyKey} derived
 * from the domain command and the Oficio {@link PaymentId} it belongs to, which adapters send to
 * the provider as metadata so a lookup can find the provider's object even when the reply was lost.
 */
public sealed interface GatewayCall
    permits GatewayCall.Authorize,
        GatewayCall.Capture,
        GatewayCall.VoidHold,
        GatewayCall.Charge,
        GatewayCall.Refund,
        GatewayCall.Transfer,
        GatewayCall.ReverseTransfer,
        GatewayCall.Lookup {

  /** The key that makes the call safe to repeat. */
  IdempotencyKey idempotencyKey();

  /** The Oficio payment the call belongs to. */
  PaymentId payment();

  /** What the call does. */
  TransactionKind kind();

  /**
   * Place a hold on the customer's payment method.
   *
   * @param idempotencyKey e.g. {@code authorize:pay-000001}
   * @param payment the Oficio payment
   * @param customer the customer
   * @param pro the pro the money is for
   * @param amount the amount to hold
   * @param paymentMethod the provider's payment method reference (e.g. {@code pm_…})
   * @param payeeAccount the pro's connected account for destination payouts, or null
   * @param offSession whether the customer is absent (the host decides)
   * @param metadata extra ids to record at the provider (job id…); never personal data
   */
  record Authorize(
      IdempotencyKey idempotencyKey,
      PaymentId payment,
      CustomerId customer,
      ProId pro,
      Money amount,
      String paymentMethod,
      String payeeAccount,
      boolean offSession,
      Map<String, String> metadata)
      implements GatewayCall {
    /** Checks the fields. */
    public Authorize {
      GatewayChecks.common(idempotencyKey, payment);
      GatewayChecks.positive("amount", amount);
      GatewayChecks.notBlank("paymentMethod", paymentMethod);
      if (customer == null || pro == null) {
        throw ValidationException.of("customer", "customer and pro are required");
      }
      metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    @Override
    public TransactionKind kind() {
      return TransactionKind.AUTHORIZE;
    }
  }

  /**
   * Capture all or part of a hold.
   *
   * @param idempotencyKey e.g. {@code capture:pay-000001:1}
   * @param payment the Oficio payment
   * @param holdReference the provider's reference of the hold
   * @param amount the amount to capture (not above the hold)
   * @param platformFee the platform's fee kept from a destination capture (zero if none)
   */
  record Capture(
      IdempotencyKey idempotencyKey,
      PaymentId payment,
      String holdReference,
      Money amount,
      Money platformFee)
      implements GatewayCall {
    /** Checks the fields. */
    public Capture {
      GatewayChecks.common(idempotencyKey, payment);
      GatewayChecks.notBlank("holdReference", holdReference);
      GatewayChecks.positive("amount", amount);
      GatewayChecks.notNegative("platformFee", platformFee);
      if (platformFee.isGreaterThan(amount)) {
        throw ValidationException.of("platformFee", "must not exceed the captured amount");
      }
    }

    @Override
    public TransactionKind kind() {
      return TransactionKind.CAPTURE;
    }
  }

  /**
   * Release a hold.
   *
   * @param idempotencyKey e.g. {@code void:pay-000001}
   * @param payment the Oficio payment
   * @param holdReference the provider's reference of the hold
   * @param reason why, e.g. {@code requested_by_customer}, {@code abandoned}
   */
  record VoidHold(
      IdempotencyKey idempotencyKey, PaymentId payment, String holdReference, String reason)
      implements GatewayCall {
    /** Checks the fields. */
    public VoidHold {
      GatewayChecks.common(idempotencyKey, payment);
      GatewayChecks.notBlank("holdReference", holdReference);
      GatewayChecks.notBlank("reason", reason);
    }

    @Override
    public TransactionKind kind() {
      return TransactionKind.VOID;
    }
  }

  /**
   * Charge immediately.
   *
   * @param idempotencyKey e.g. {@code charge:pay-000001}
   * @param payment the Oficio payment
   * @param customer the customer
   * @param pro the pro the money is for
   * @param amount the amount
   * @param paymentMethod the provider's payment method reference
   * @param payeeAccount the pro's connected account for a destination charge, or null
   * @param platformFee the platform's fee kept from a destination charge (zero if none)
   * @param metadata extra ids to record at the provider
   */
  record Charge(
      IdempotencyKey idempotencyKey,
      PaymentId payment,
      CustomerId customer,
      ProId pro,
      Money amount,
      String paymentMethod,
      String payeeAccount,
      Money platformFee,
      Map<String, String> metadata)
      implements GatewayCall {
    /** Checks the fields. */
    public Charge {
      GatewayChecks.common(idempotencyKey, payment);
      GatewayChecks.positive("amount", amount);
      GatewayChecks.notBlank("paymentMethod", paymentMethod);
      GatewayChecks.notNegative("platformFee", platformFee);
      if (customer == null || pro == null) {
        throw ValidationException.of("customer", "customer and pro are required");
      }
      metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    @Override
    public TransactionKind kind() {
      return TransactionKind.CHARGE;
    }
  }

  /**
   * Return money to the customer.
   *
   * @param idempotencyKey e.g. {@code refund:pay-000001:1}
   * @param payment the Oficio payment
   * @param paymentReference the provider's reference of the captured or charged payment
   * @param amount the amount to refund
   * @param reverseTransfer whether to take the pro's share back from their account
   * @param refundPlatformFee whether to return the platform fee in proportion
   */
  record Refund(
      IdempotencyKey idempotencyKey,
      PaymentId payment,
      String paymentReference,
      Money amount,
      boolean reverseTransfer,
      boolean refundPlatformFee)
      implements GatewayCall {
    /** Checks the fields. */
    public Refund {
      GatewayChecks.common(idempotencyKey, payment);
      GatewayChecks.notBlank("paymentReference", paymentReference);
      GatewayChecks.positive("amount", amount);
    }

    @Override
    public TransactionKind kind() {
      return TransactionKind.REFUND;
    }
  }

  /**
   * Pay a pro's connected account.
   *
   * @param idempotencyKey e.g. {@code transfer:pay-000001:1}
   * @param payment the Oficio payment the money comes from
   * @param pro the pro
   * @param payeeAccount the pro's connected account at the provider
   * @param amount the amount
   * @param sourceTransaction the provider's charge the funds come from, or null
   */
  record Transfer(
      IdempotencyKey idempotencyKey,
      PaymentId payment,
      ProId pro,
      String payeeAccount,
      Money amount,
      String sourceTransaction)
      implements GatewayCall {
    /** Checks the fields. */
    public Transfer {
      GatewayChecks.common(idempotencyKey, payment);
      if (pro == null) {
        throw ValidationException.of("pro", "must not be null");
      }
      GatewayChecks.notBlank("payeeAccount", payeeAccount);
      GatewayChecks.positive("amount", amount);
    }

    @Override
    public TransactionKind kind() {
      return TransactionKind.TRANSFER;
    }
  }

  /**
   * Take back all or part of a transfer.
   *
   * @param idempotencyKey e.g. {@code transfer-reversal:pay-000001:1}
   * @param payment the Oficio payment
   * @param transferReference the provider's reference of the transfer
   * @param amount the amount to take back
   */
  record ReverseTransfer(
      IdempotencyKey idempotencyKey, PaymentId payment, String transferReference, Money amount)
      implements GatewayCall {
    /** Checks the fields. */
    public ReverseTransfer {
      GatewayChecks.common(idempotencyKey, payment);
      GatewayChecks.notBlank("transferReference", transferReference);
      GatewayChecks.positive("amount", amount);
    }

    @Override
    public TransactionKind kind() {
      return TransactionKind.TRANSFER_REVERSAL;
    }
  }

  /**
   * Ask the provider what became of an earlier call.
   *
   * @param idempotencyKey the key of the call being looked up
   * @param payment the Oficio payment
   * @param lookedUp the kind of the call being looked up
   * @param providerReference the provider's reference if the call returned one, else null (the
   *     adapter then finds the object by the Oficio ids it sent as metadata)
   */
  record Lookup(
      IdempotencyKey idempotencyKey,
      PaymentId payment,
      TransactionKind lookedUp,
      String providerReference)
      implements GatewayCall {
    /** Checks the fields. */
    public Lookup {
      GatewayChecks.common(idempotencyKey, payment);
      if (lookedUp == null) {
        throw ValidationException.of("lookedUp", "must not be null");
      }
    }

    @Override
    public TransactionKind kind() {
      return lookedUp;
    }
  }
}
