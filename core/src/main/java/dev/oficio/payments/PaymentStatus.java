package dev.oficio.payments;

/**
 * Where a {@link Payment} stands, derived from its transactions. {@link #FAILED} and {@link
 * #VOIDED} are terminal: no transaction may follow them.
 */
public enum PaymentStatus {
  /** Opened; no transaction yet. */
  NEW,
  /** The authorization or charge is in flight (pending or unknown). */
  PROCESSING,
  /** A hold is in place and not yet captured or voided. */
  AUTHORIZED,
  /** Money was taken (captured or charged) and not all of it refunded. */
  PAID,
  /** Everything taken was refunded. Transfer reversals may still follow. */
  REFUNDED,
  /** The hold was released. Terminal. */
  VOIDED,
  /** The authorization or charge was declined. Terminal. */
  FAILED;

  /** Whether no transaction may follow. */
  public boolean isTerminal() {
    return this == VOIDED || this == FAILED;
  }
}
