package dev.oficio.payments;

/** What a payment transaction does at the provider. */
public enum TransactionKind {
  /** Place a hold (authorization) on the customer's card. */
  AUTHORIZE,
  /** Capture all or part of a hold. */
  CAPTURE,
  /** Release a hold without capturing. */
  VOID,
  /** Charge immediately (no hold). */
  CHARGE,
  /** Return captured or charged money to the customer. */
  REFUND,
  /** Pay a pro's connected account. */
  TRANSFER,
  /** Take back a transfer to a pro. */
  TRANSFER_REVERSAL
}
