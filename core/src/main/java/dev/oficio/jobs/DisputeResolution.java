package dev.oficio.jobs;

/** How a dispute ends. */
public enum DisputeResolution {
  /** The customer is right: refund everything not yet refunded (fees reversed in proportion). */
  REFUND,
  /** The pro is right: the job goes back to COMPLETED and the pro keeps the payout. */
  PAYOUT
}
