package dev.oficio.jobs;

/** Who called a job off; the cancellation policy charges only the customer. */
public enum CancelledBy {
  /** The customer: the notice-based fee windows apply. */
  CUSTOMER,
  /** The pro: the customer gets everything back. */
  PRO,
  /** The platform (an operator): the customer gets everything back. */
  PLATFORM
}
