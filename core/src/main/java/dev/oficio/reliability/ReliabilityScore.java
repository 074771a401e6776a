package dev.oficio.reliability;

import dev.oficio.shared.ProId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A pro's reliability at an instant, with everything needed to explain it. Immutable.
 *
 * @param pro the pro
 * @param at the instant scored
 * @param score 0–100: the weighted mean of the component values times 100
 * @param tier the tier held at {@code at}: the one qualified for at the latest assessment
 * @param assessedAt that assessment's instant; empty before the first one
 * @param nextAssessmentAt when the tier is next assessed
 * @param qualifiesFor the tier the pro would get if assessed at {@code at}
 * @param nextTier what the tier above {@code qualifiesFor} requires, and the gaps; empty at the top
 * @param completedJobs the decayed count of completed jobs (the sample size of tiers and gates)
 * @param strikes decayed strikes (pro no-shows, lost disputes, lapsed credentials)
 * @param suspended whether the strikes reached the model's suspension limit
 * @param components every component, in {@link Component} order
 * @param exclusions events recorded but excluded from the score, counted by reason
 */
public record ReliabilityScore(
    ProId pro,
    Instant at,
    double score,
    Tier tier,
    Optional<Instant> assessedAt,
    Instant nextAssessmentAt,
    Tier qualifiesFor,
    Optional<TierProgress> nextTier,
    double completedJobs,
    double strikes,
    boolean suspended,
    Map<Component, ComponentScore> components,
    Map<ReasonCode, Long> exclusions) {

  /** The component {@code component}. */
  public ComponentScore component(Component component) {
    return components.get(component);
  }

  /**
   * The tier above the one a pro qualifies for: its requirements and the pro's gaps.
   *
   * @param tier the next tier
   * @param minScore its minimum score
   * @param scoreGap points missing (0 when met)
   * @param minCompletedJobs its minimum decayed completed jobs
   * @param completedJobsGap decayed completed jobs missing (0 when met)
   */
  public record TierProgress(
      Tier tier,
      double minScore,
      double scoreGap,
      double minCompletedJobs,
      double completedJobsGap) {}
}
