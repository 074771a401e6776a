package dev.oficio.payments;

/**
 * Decides what happens to a hold about to expire (ARCHITECTURE.md, "Holds expire"): capture it now
 * and keep the money as customer funds held in the ledger, or void it. The jobs context supplies a
 * policy that captures holds of jobs still going ahead.
 */
@FunctionalInterface
public interface HoldExpiryPolicy {

  /** What to do with an expiring hold. */
  enum Decision {
    /** Capture the whole hold now; the money stays in customer funds held until released. */
    CAPTURE,
    /** Release the hold. */
    VOID
  }

  /** The decision for {@code payment}, whose hold is still open. */
  Decision decide(Payment payment);

  /** Voids every expiring hold; the default when nothing more specific is wired. */
  static HoldExpiryPolicy voidHolds() {
    return payment -> Decision.VOID;
  }
}
