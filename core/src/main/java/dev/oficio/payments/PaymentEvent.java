package dev.oficio.payments;

import dev.oficio.shared.DomainEvent;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import java.time.Instant;

/** Events of the payments context, appended to the outbox with the change that caused them. */
public sealed interface PaymentEvent extends DomainEvent
    permits PaymentEvent.TransactionSettled, PaymentEvent.NeedsOperator, PaymentEvent.PayoutHeld {

  /** The payment. */
  PaymentId payment();

  @Override
  default String aggregateType() {
    return "Payment";
  }

  @Override
  default String aggregateId() {
    return payment().value();
  }

  /**
   * A transaction reached a final status.
   *
   * @param payment the payment
   * @param reference what the payment is for (job id)
   * @param kind the transaction kind
   * @param status SUCCEEDED or DECLINED
   * @param amount the transaction amount
   * @param idempotencyKey the transaction's key
   * @param occurredAt when
   */
  record TransactionSettled(
      PaymentId payment,
      String reference,
      TransactionKind kind,
      TransactionStatus status,
      Money amount,
      IdempotencyKey idempotencyKey,
      Instant occurredAt)
      implements PaymentEvent {}

  /**
   * The janitor could not settle a transaction after its maximum attempts: an operator must look.
   * The janitor keeps checking it (at its longest backoff); it is never dropped.
   *
   * @param payment the payment
   * @param kind the transaction kind
   * @param idempotencyKey the transaction's key
   * @param attempts look-ups made so far
   * @param reason why it is stuck
   * @param occurredAt when
   */
  record NeedsOperator(
      PaymentId payment,
      TransactionKind kind,
      IdempotencyKey idempotencyKey,
      int attempts,
      String reason,
      Instant occurredAt)
      implements PaymentEvent {}

  /**
   * The pro's share could not be transferred because their payee account cannot receive payouts; it
   * stays in the ledger as a pro-payable balance for a later payout.
   *
   * @param payment the payment
   * @param amount the amount kept payable
   * @param reason why
   * @param occurredAt when
   */
  record PayoutHeld(PaymentId payment, Money amount, String reason, Instant occurredAt)
      implements PaymentEvent {}
}
