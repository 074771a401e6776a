package dev.oficio.deposits;

/** Who, according to the {@link NoShowPlaybook}, did not keep the appointment. */
public enum Party {
  /** The customer was absent: the deposit is captured and split between pro and platform. */
  CUSTOMER_NO_SHOW,
  /** The pro was absent or too late: full refund, optional credit, a strike for the pro. */
  PRO_NO_SHOW,
  /** Both attended: the deposit is applied to a resulting job or refunded. */
  BOTH_ATTENDED,
  /** The evidence is missing or conflicting: an operator decides within the review SLA. */
  NEEDS_REVIEW
}
