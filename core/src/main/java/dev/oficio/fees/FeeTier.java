package dev.oficio.fees;

import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import java.util.Optional;

/**
 * One tier of a {@link FeeRule}: a rate that applies up to an inclusive upper bound. The last tier
 * of a rule has no bound ({@code upTo == null}) and covers everything above the previous one.
 * Immutable.
 *
 * @param upTo the inclusive upper bound in the schedule's currency, or {@code null} for "no limit"
 * @param rate the percentage charged in this tier
 */
public record FeeTier(Money upTo, Rate rate) {

  /** Checks that the rate is present; bounds are checked by the rule that holds the tier. */
  public FeeTier {
    if (rate == null) {
      throw ValidationException.of("rate", "must not be null");
    }
  }

  /** A tier charging {@code rate} up to and including {@code upTo}. */
  public static FeeTier upTo(Money upTo, Rate rate) {
    if (upTo == null) {
      throw ValidationException.of("upTo", "must not be null; use FeeTier.above for the last tier");
    }
    return new FeeTier(upTo, rate);
  }

  /** The open-ended last tier, charging {@code rate} on everything above the previous bound. */
  public static FeeTier above(Rate rate) {
    return new FeeTier(null, rate);
  }

  /** The upper bound, empty for the open-ended last tier. */
  public Optional<Money> upperBound() {
    return Optional.ofNullable(upTo);
  }
}
