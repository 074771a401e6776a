package dev.oficio.reliability;

/**
 * Why a component looks the way it does: the kind of the last event that changed it, or a condition
 * of its numbers. Codes marked {@link #excluded()} name events recorded but kept out of the pro's
 * score because the pro did not cause them.
 */
public enum ReasonCode {
  /** A job completed within the late tolerance. */
  JOB_COMPLETED_ON_TIME(false),
  /** A job completed later than the late tolerance. */
  JOB_COMPLETED_LATE(false),
  /** The pro cancelled with less notice than the model's notice threshold. */
  PRO_CANCELLED_SHORT_NOTICE(false),
  /** The pro cancelled with at least the model's notice threshold (weighs less). */
  PRO_CANCELLED_WITH_NOTICE(false),
  /** The pro did not show up. */
  PRO_NO_SHOW(false),
  /** The customer did not show up: recorded, excluded from the pro's score. */
  CUSTOMER_NO_SHOW_EXCLUDED(true),
  /** A lead was answered within the response target. */
  LEAD_RESPONDED_IN_TIME(false),
  /** A lead was answered after the response target. */
  LEAD_RESPONDED_LATE(false),
  /** A lead expired unanswered. */
  LEAD_IGNORED(false),
  /** A rating of 4 or 5 stars. */
  RATED_POSITIVE(false),
  /** A rating of 1 to 3 stars. */
  RATED_NEGATIVE(false),
  /** A dispute was lost. */
  DISPUTE_LOST(false),
  /** A dispute was won: recorded, excluded from the pro's score. */
  DISPUTE_WON_EXCLUDED(true),
  /** A required credential lapsed (a strike). */
  CREDENTIAL_LAPSED(false),
  /** No event has touched this component yet: its value is the prior. */
  NO_DATA(false),
  /** The decayed evidence is smaller than the prior's strength: the prior dominates. */
  MOSTLY_PRIOR(false),
  /** The component is below what the next tier requires. */
  BELOW_NEXT_TIER(false);

  private final boolean excluded;

  ReasonCode(boolean excluded) {
    this.excluded = excluded;
  }

  /** Whether this code marks an event excluded from the pro's score. */
  public boolean excluded() {
    return excluded;
  }
}
