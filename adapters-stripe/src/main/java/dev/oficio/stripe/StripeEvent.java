package dev.oficio.stripe;

import dev.oficio.payments.GatewayOutcome;
import dev.oficio.payments.TransactionKind;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;

/**
 * A verified Stripe webhook event reduced to what Oficio acts on, with no Stripe type. Fields that
 * do not apply to the event's object are null.
 *
 * @param id the event id ({@code evt_…}), the dedupe key
 * @param type Stripe's event type, e.g. {@code payment_intent.succeeded}
 * @param kind its neutral meaning
 * @param created when Stripe created the event (events may arrive out of order)
 * @param livemode whether it is a live-mode event
 * @param account the connected account the event came from (Connect webhooks), or null
 * @param objectId the id of the event's object ({@code pi_…}, {@code ch_…}, {@code dp_…}, {@code
 *     tr_…}, {@code acct_…}), or null if it could not be read
 * @param paymentIntent the PaymentIntent concerned, or null
 * @param charge the charge concerned (a transfer's source transaction), or null
 * @param payment the Oficio payment from the object's metadata, or null
 * @param amount the amount the event is about: received or capturable for a PaymentIntent, refunded
 *     so far for {@code charge.refunded}, disputed, transferred or reversed so far; or null
 * @param status the object's status, or null
 * @param reason a decline code, a cancellation or a dispute reason, or null
 * @param payee the account's status for {@code account.updated}, else null
 * @param transaction the kind of Oficio transaction a PaymentIntent or transfer event settles
 *     ({@code AUTHORIZE}, {@code CAPTURE}, {@code CHARGE}, {@code VOID}, {@code TRANSFER}), or null
 * @param idempotencyKey the key of the API request that caused the event (Stripe echoes it in
 *     {@code request.idempotency_key}), else the creating call's key from the metadata for
 *     authorizations and charges, or null
 * @param outcome what the event says about {@code transaction}, mapped like a look-up; or null
 */
public record StripeEvent(
    String id,
    String type,
    StripeEventKind kind,
    Instant created,
    boolean livemode,
    String account,
    String objectId,
    String paymentIntent,
    String charge,
    PaymentId payment,
    Money amount,
    String status,
    String reason,
    StripePayeeStatus payee,
    TransactionKind transaction,
    IdempotencyKey idempotencyKey,
    GatewayOutcome outcome) {

  /** Checks the fields. */
  public StripeEvent {
    if (id == null || id.isBlank()) {
      throw ValidationException.of("id", "must not be blank");
    }
    if (type == null || type.isBlank()) {
      throw ValidationException.of("type", "must not be blank");
    }
    if (kind == null) {
      throw ValidationException.of("kind", "must not be null");
    }
  }

  /** Whether Oficio does not act on this event type (it is stored and marked processed). */
  public boolean ignored() {
    return kind == StripeEventKind.IGNORED;
  }
}
