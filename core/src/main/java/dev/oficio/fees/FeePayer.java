package dev.oficio.fees;

/** Who bears the payment processor's fee: a {@link FeeSchedule} setting. */
public enum FeePayer {
  /** The platform pays it out of its revenue; the pro's payout is unaffected. */
  PLATFORM,
  /** It is deducted from the pro's payout. */
  PRO
}
