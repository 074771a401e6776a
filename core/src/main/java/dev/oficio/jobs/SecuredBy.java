package dev.oficio.jobs;

/** How a job's payment was secured at acceptance, chosen from the gateway's capabilities. */
public enum SecuredBy {
  /** A hold (authorization) captured at completion. */
  HOLD,
  /** An immediate charge; the money waits in the ledger as customer funds held. */
  CHARGE
}
