package dev.oficio.stripe;

/**
 * Provider-neutral meaning of a Stripe event, meant to be mapped one-to-one onto core's provider
 * event kinds. Types the adapter does not act on are {@link #IGNORED}: stored, never applied.
 */
public enum StripeEventKind {
  /** {@code payment_intent.amount_capturable_updated}: a hold is in place. */
  PAYMENT_AUTHORIZED,
  /** {@code payment_intent.succeeded}: a charge or capture completed. */
  PAYMENT_SUCCEEDED,
  /** {@code payment_intent.payment_failed}: the attempt was declined. */
  PAYMENT_FAILED,
  /** {@code payment_intent.canceled}: a hold was voided or expired. */
  PAYMENT_CANCELED,
  /** {@code payment_intent.processing}: the payment is being processed. */
  PAYMENT_PROCESSING,
  /** {@code payment_intent.requires_action}: the customer must authenticate. */
  PAYMENT_REQUIRES_ACTION,
  /** Any other {@code payment_intent.*} type (created, partially_funded…): informational. */
  PAYMENT_UPDATED,
  /** {@code charge.refunded}: all or part of a charge was refunded. */
  CHARGE_REFUNDED,
  /** {@code charge.dispute.created}: the customer disputed a charge. */
  DISPUTE_CREATED,
  /** {@code transfer.created}: a pro was paid. */
  TRANSFER_CREATED,
  /** {@code transfer.reversed}: a transfer was (partly) taken back. */
  TRANSFER_REVERSED,
  /** {@code transfer.updated} or any other {@code transfer.*} type. */
  TRANSFER_UPDATED,
  /** {@code account.updated}: a pro's connected account changed. */
  ACCOUNT_UPDATED,
  /** A type Oficio does not act on. */
  IGNORED;

  /** The kind of a Stripe event type. */
  public static StripeEventKind of(String type) {
    if (type == null) {
      return IGNORED;
    }
    return switch (type) {
      case "payment_intent.amount_capturable_updated" -> PAYMENT_AUTHORIZED;
      case "payment_intent.succeeded" -> PAYMENT_SUCCEEDED;
      case "payment_intent.payment_failed" -> PAYMENT_FAILED;
      case "payment_intent.canceled" -> PAYMENT_CANCELED;
      case "payment_intent.processing" -> PAYMENT_PROCESSING;
      case "payment_intent.requires_action" -> PAYMENT_REQUIRES_ACTION;
      case "charge.refunded" -> CHARGE_REFUNDED;
      case "charge.dispute.created" -> DISPUTE_CREATED;
      case "transfer.created" -> TRANSFER_CREATED;
      case "transfer.reversed" -> TRANSFER_REVERSED;
      case "account.updated" -> ACCOUNT_UPDATED;
      default -> {
        if (type.startsWith("payment_intent.")) {
          yield PAYMENT_UPDATED;
        }
        if (type.startsWith("transfer.")) {
          yield TRANSFER_UPDATED;
        }
        yield IGNORED;
      }
    };
  }
}
