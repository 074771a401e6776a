package dev.oficio.fees;

/** What a {@link FeeRule}'s tier bounds are compared with. */
public enum FeeBasis {
  /** The job's gross amount (the default). */
  JOB_AMOUNT,
  /**
   * The pro's cumulative billed volume in a window: the caller passes the volume billed before this
   * job ({@link FeeQuery#priorVolume()}). Under {@link FeeMethod#MARGINAL} the fee is {@code
   * F(prior + amount) − F(prior)}; under {@link FeeMethod#FLAT} the rate is the tier of {@code
   * prior + amount}, applied to the amount.
   */
  PRO_VOLUME
}
