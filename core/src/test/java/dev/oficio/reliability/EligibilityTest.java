package dev.oficio.reliability;

import static dev.oficio.reliability.Fixtures.T0;
import static dev.oficio.reliability.Fixtures.counters;
import static dev.oficio.reliability.Fixtures.pro;
import static dev.oficio.reliability.Fixtures.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.reliability.Eligibility.Gate;
import dev.oficio.reliability.Eligibility.Purpose;
import dev.oficio.reliability.Eligibility.Refusal;
import dev.oficio.reliability.Eligibility.Standing;
import dev.oficio.reliability.ReliabilityEvent.JobCompleted;
import dev.oficio.reliability.ReliabilityEvent.ProNoShow;
import dev.oficio.reliability.ReliabilityEvent.Rated;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityTest {
  private static final ProId P = pro("p-17");
  private static final Eligibility GATES = Eligibility.defaults();
  private static final Standing LICENSED =
      Standing.of(Set.of("electrician-licence"), Set.of("electrician-licence"));

  private static ReliabilityScore scoreOf(int goodJobs, int noShows) {
    List<ReliabilityEvent> events = new ArrayList<>();
    for (int i = 0; i < goodJobs; i++) {
      events.add(new JobCompleted(P, T0, 0));
      events.add(new Rated(P, T0, 5));
    }
    events.addAll(times(noShows, () -> new ProNoShow(P, T0)));
    return counters(P, events).score(T0);
  }

  @Test
  void aNewLicensedProCanBeBooked() {
    Eligibility.Decision decision = GATES.check(Purpose.BOOKING, scoreOf(0, 0), LICENSED);
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.refusals()).isEmpty();
  }

  @Test
  void missingCredentialsAreNamedOneByOne() {
    Standing standing =
        Standing.of(
            Set.of("electrician-licence"),
            Set.of("electrician-licence", "liability-insurance", "colegio-membership"));
    Eligibility.Decision decision = GATES.check(Purpose.BOOKING, scoreOf(20, 0), standing);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.refusals())
        .extracting(Refusal::gate, Refusal::subject)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Gate.REQUIRED_CREDENTIALS, "colegio-membership"),
            org.assertj.core.groups.Tuple.tuple(Gate.REQUIRED_CREDENTIALS, "liability-insurance"));
  }

  @Test
  void promotionsDoNotRequireCredentials() {
    Standing unlicensed = Standing.of(Set.of(), Set.of("electrician-licence"));
    assertThat(GATES.check(Purpose.PROMOTIONS, scoreOf(20, 0), unlicensed).allowed()).isTrue();
  }

  @Test
  void conciergeBiddingNeedsASampleSize() {
    Eligibility.Decision decision = GATES.check(Purpose.CONCIERGE_BIDDING, scoreOf(4, 0), LICENSED);
    assertThat(decision.refusals()).extracting(Refusal::gate).contains(Gate.MIN_SAMPLE_SIZE);
    assertThat(decision.refusals().get(0).detail()).contains("4.00 < 10.00");
  }

  @Test
  void conciergeBiddingNeedsAMinimumScore() {
    Eligibility strict =
        GATES.with(Purpose.CONCIERGE_BIDDING, new Eligibility.Policy(0, 95, Map.of(), false));
    Eligibility.Decision decision =
        strict.check(Purpose.CONCIERGE_BIDDING, scoreOf(12, 0), LICENSED);
    assertThat(decision.refusals()).extracting(Refusal::gate).containsExactly(Gate.MIN_SCORE);
    assertThat(decision.refusals().get(0).subject()).isEqualTo("score");
  }

  @Test
  void conciergeBiddingNeedsWilsonLowerBoundsNamingTheComponent() {
    // 12 jobs and 1 no-show: observed no-show-free share 12/13 with n = 13 has a Wilson
    // lower bound of about 0.667 < 0.90; completion 12/13 likewise < 0.80.
    Eligibility.Decision decision =
        GATES.check(Purpose.CONCIERGE_BIDDING, scoreOf(12, 1), LICENSED);
    assertThat(decision.refusals())
        .filteredOn(r -> r.gate() == Gate.MIN_LOWER_BOUND)
        .extracting(Refusal::subject)
        .containsExactlyInAnyOrder("completion", "noShow");
    assertThat(Scoring.wilsonLowerBound(12.0 / 13, 13, 1.96)).isBetween(0.66, 0.67);
  }

  @Test
  void aProWithAHundredGoodJobsMayBidOnConcierge() {
    assertThat(GATES.check(Purpose.CONCIERGE_BIDDING, scoreOf(100, 0), LICENSED).allowed())
        .isTrue();
  }

  @Test
  void suspendedProsAreRefusedEverywhere() {
    ReliabilityScore struck = scoreOf(30, 3);
    for (Purpose purpose : Purpose.values()) {
      assertThat(GATES.check(purpose, struck, LICENSED).refusals())
          .extracting(Refusal::gate, Refusal::subject)
          .contains(org.assertj.core.groups.Tuple.tuple(Gate.NOT_SUSPENDED, "strikes"));
    }
    Standing suspended = new Standing(Set.of("electrician-licence"), Set.of(), true);
    assertThat(GATES.check(Purpose.BOOKING, scoreOf(30, 0), suspended).refusals())
        .extracting(Refusal::gate, Refusal::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Gate.NOT_SUSPENDED, "operator"));
  }

  @Test
  void policiesAreValidated() {
    assertThatThrownBy(() -> new Eligibility.Policy(-1, 101, Map.of(Component.NO_SHOW, 2.0), true))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).violations())
                    .extracting(ValidationException.Violation::field)
                    .containsExactly("minCompletedJobs", "minScore", "minLowerBounds.NO_SHOW"));
  }

  @Test
  void standingRefusesBlankCredentialCodes() {
    assertThatThrownBy(() -> Standing.of(Set.of(" "), Set.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("heldCredentials:");
  }
}
