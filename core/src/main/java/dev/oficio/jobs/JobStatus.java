package dev.oficio.jobs;

/**
 * Where a {@link Job} stands: QUOTED → ACCEPTED → IN_PROGRESS → COMPLETED → CLOSED, or CANCELLED
 * (before work starts), DISPUTED (after completion) and REFUNDED (everything refunded). A partial
 * refund keeps COMPLETED with a refunded amount.
 */
public enum JobStatus {
  /** Priced; the fee quote is frozen; no money secured yet. */
  QUOTED,
  /** Payment secured (a hold or a charge held in the ledger). */
  ACCEPTED,
  /** The pro started the work. */
  IN_PROGRESS,
  /** Done; the money was taken and split. */
  COMPLETED,
  /** Settled for good; no more refunds or disputes. Terminal. */
  CLOSED,
  /** Called off before the work started. Terminal. */
  CANCELLED,
  /** The customer disputes the completed work. */
  DISPUTED,
  /** Everything was refunded. Terminal. */
  REFUNDED;

  /** Whether no transition leaves this status. */
  public boolean isTerminal() {
    return this == CLOSED || this == CANCELLED || this == REFUNDED;
  }
}
