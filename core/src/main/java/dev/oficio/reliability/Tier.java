package dev.oficio.reliability;

/**
 * A pro's standing, assessed on the {@link ReliabilityModel}'s fixed cadence and held until the
 * next assessment. Ordered from lowest to highest.
 */
public enum Tier {
  /** Not yet enough history (or not yet assessed). */
  NEW,
  /** Established on the platform. */
  STANDARD,
  /** Consistently reliable. */
  TRUSTED,
  /** The platform's best. */
  TOP;

  /** The tier above this one, or {@code null} for {@link #TOP}. */
  Tier next() {
    return this == TOP ? null : values()[ordinal() + 1];
  }
}
