package dev.oficio.payments;

/**
 * Where one {@link PaymentTransaction} stands. {@link #PENDING} and {@link #UNKNOWN} are open: the
 * janitor, a webhook or a repeated command settles them. {@link #SUCCEEDED} and {@link #DECLINED}
 * are final: nothing moves a transaction out of them (out-of-order events never move it back).
 */
public enum TransactionStatus {
  /** Intent recorded; the provider's answer is not known yet (or the provider said "pending"). */
  PENDING,
  /** The provider applied the operation. Final. */
  SUCCEEDED,
  /** The provider refused, or the operation never happened. Final. */
  DECLINED,
  /** The call timed out or failed in a way that may or may not have moved money. */
  UNKNOWN;

  /** Whether nothing can change this status any more. */
  public boolean isFinal() {
    return this == SUCCEEDED || this == DECLINED;
  }
}
