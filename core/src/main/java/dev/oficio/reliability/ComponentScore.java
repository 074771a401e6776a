package dev.oficio.reliability;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One component of a {@link ReliabilityScore}: the drill-down an admin or the pro sees.
 *
 * @param component which component
 * @param count events that entered this component, undecayed (lifetime)
 * @param decayedCount the decayed number of trials (ratings for {@link Component#RATING}) at the
 *     score's instant
 * @param rate the observed decayed rate in the component's own sense (cancellation rate for {@link
 *     Component#CANCELLATION}, mean stars for {@link Component#RATING}); the prior when there is no
 *     data yet
 * @param prior the platform prior mean, in the same sense as {@code rate}
 * @param value the shrunk value in [0, 1], higher is better, used by the score
 * @param lowerBound the Wilson lower bound in [0, 1] of the observed good-outcome share (0 with no
 *     data); for {@link Component#RATING} equal to {@code value}. Gates use it.
 * @param weight the component's weight in the model
 * @param contribution the points (of 100) this component adds to the score
 * @param nextTier what the next tier requires of this component (threshold 0 when it requires
 *     nothing) and the gap; empty at the top tier
 * @param reasonCodes why the component looks like this: the last event that changed it (or {@link
 *     ReasonCode#NO_DATA}), then conditions ({@link ReasonCode#MOSTLY_PRIOR}, {@link
 *     ReasonCode#BELOW_NEXT_TIER})
 * @param lastChangedAt when the last event that changed it happened
 */
public record ComponentScore(
    Component component,
    long count,
    double decayedCount,
    double rate,
    double prior,
    double value,
    double lowerBound,
    double weight,
    double contribution,
    Optional<TierTarget> nextTier,
    List<ReasonCode> reasonCodes,
    Optional<Instant> lastChangedAt) {

  /** Copies the list. */
  public ComponentScore {
    reasonCodes = List.copyOf(reasonCodes);
  }

  /**
   * What a tier requires of a component.
   *
   * @param tier the tier
   * @param threshold the minimum value in [0, 1] (0: no requirement)
   * @param gap how far the value is below the threshold (0 when met)
   */
  public record TierTarget(Tier tier, double threshold, double gap) {}
}
