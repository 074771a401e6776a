package dev.oficio.payments;

/** How far a pro's payee account got through the provider's onboarding. */
public enum OnboardingStatus {
  /** Created; the pro has not submitted their details. */
  PENDING,
  /**
   * Details submitted, but the provider needs more (see {@link PayeeAccount#requirementsDue()}).
   */
  RESTRICTED,
  /** Fully onboarded. */
  COMPLETE
}
