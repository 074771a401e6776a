package dev.oficio.reliability;

import static dev.oficio.reliability.Fixtures.pro;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.reliability.ReliabilityEvent.JobCompleted;
import dev.oficio.reliability.ReliabilityEvent.LeadResponded;
import dev.oficio.reliability.ReliabilityEvent.ProNoShow;
import dev.oficio.reliability.ReliabilityEvent.Rated;
import dev.oficio.shared.ProId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TierAssessmentTest {
  private static final Instant ANCHOR = Instant.parse("2027-01-01T04:00:00Z");
  private static final ReliabilityModel MONTHLY =
      ReliabilityModel.builder().assessments(Duration.ofDays(30), ANCHOR).build();
  private static final ProId P = pro("p-17");

  private static Instant day(long d) {
    return ANCHOR.plus(Duration.ofDays(d));
  }

  /** 30 on-time, 5-star jobs and 10 fast lead responses on days 1–10. */
  private static ReliabilityCounters excellentPro() {
    ReliabilityCounters counters = MONTHLY.newCounters(P);
    for (int i = 0; i < 30; i++) {
      Instant at = day(1).plus(Duration.ofHours(i * 8));
      counters.apply(new JobCompleted(P, at, 0));
      counters.apply(new Rated(P, at, 5));
      if (i < 10) {
        counters.apply(new LeadResponded(P, at, 20));
      }
    }
    return counters;
  }

  @Test
  void aTierIsOnlyAwardedAtTheNextAssessment() {
    ReliabilityCounters counters = excellentPro();
    ReliabilityScore midPeriod = counters.score(day(20));
    assertThat(midPeriod.qualifiesFor()).isEqualTo(Tier.TOP);
    assertThat(midPeriod.tier()).isEqualTo(Tier.NEW);
    assertThat(midPeriod.assessedAt()).contains(ANCHOR);
    assertThat(midPeriod.nextAssessmentAt()).isEqualTo(day(30));
    assertThat(midPeriod.nextTier()).isEmpty();

    ReliabilityScore afterAssessment = counters.score(day(31));
    assertThat(afterAssessment.tier()).isEqualTo(Tier.TOP);
    assertThat(afterAssessment.assessedAt()).contains(day(30));
  }

  @Test
  void aTierHoldsUntilTheNextAssessmentEvenWhenThePerformanceDrops() {
    ReliabilityCounters counters = excellentPro();
    for (int i = 0; i < 4; i++) {
      counters.apply(new ProNoShow(P, day(35)));
    }
    ReliabilityScore held = counters.score(day(40));
    assertThat(held.tier()).isEqualTo(Tier.TOP);
    assertThat(held.qualifiesFor()).isLessThan(Tier.TOP);
    assertThat(held.suspended()).isTrue();

    ReliabilityScore reassessed = counters.score(day(61));
    assertThat(reassessed.tier()).isEqualTo(held.qualifiesFor());
    // Suspended pros are capped at STANDARD.
    assertThat(reassessed.tier()).isLessThanOrEqualTo(Tier.STANDARD);
  }

  @Test
  void progressShowsTheNextTiersThresholdsAndGaps() {
    ReliabilityCounters counters = MONTHLY.newCounters(P);
    for (int i = 0; i < 4; i++) {
      counters.apply(new JobCompleted(P, day(1), 0));
    }
    ReliabilityScore score = counters.score(day(1));
    assertThat(score.qualifiesFor()).isEqualTo(Tier.STANDARD);
    ReliabilityScore.TierProgress next = score.nextTier().orElseThrow();
    assertThat(next.tier()).isEqualTo(Tier.TRUSTED);
    assertThat(next.minCompletedJobs()).isEqualTo(10);
    assertThat(next.completedJobsGap()).isEqualTo(6);
    ComponentScore.TierTarget completion =
        score.component(Component.COMPLETION).nextTier().orElseThrow();
    assertThat(completion.threshold()).isEqualTo(0.90);
    // (4 + 9) / 14 ≥ 0.90: met
    assertThat(completion.gap()).isZero();
    ComponentScore.TierTarget punctuality =
        score.component(Component.PUNCTUALITY).nextTier().orElseThrow();
    assertThat(punctuality.threshold()).isZero();
  }
}
