package dev.oficio.reliability;

import static dev.oficio.reliability.Fixtures.T0;
import static dev.oficio.reliability.Fixtures.counters;
import static dev.oficio.reliability.Fixtures.daysAfter;
import static dev.oficio.reliability.Fixtures.pro;
import static dev.oficio.reliability.Fixtures.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.oficio.reliability.ReliabilityEvent.CustomerNoShow;
import dev.oficio.reliability.ReliabilityEvent.DisputeLost;
import dev.oficio.reliability.ReliabilityEvent.DisputeOpened;
import dev.oficio.reliability.ReliabilityEvent.DisputeWon;
import dev.oficio.reliability.ReliabilityEvent.JobCompleted;
import dev.oficio.reliability.ReliabilityEvent.LeadIgnored;
import dev.oficio.reliability.ReliabilityEvent.LeadOffered;
import dev.oficio.reliability.ReliabilityEvent.LeadResponded;
import dev.oficio.reliability.ReliabilityEvent.ProCancelled;
import dev.oficio.reliability.ReliabilityEvent.ProNoShow;
import dev.oficio.reliability.ReliabilityEvent.Rated;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityScoreTest {
  private static final double EPS = 1e-12;
  private static final ProId P = pro("p-17");

  private static ComponentScore component(List<ReliabilityEvent> events, Component c) {
    return counters(P, events).score(T0).component(c);
  }

  @Test
  void aProWithNoEventsScoresThePlatformPriors() {
    ReliabilityScore score = counters(P, List.of()).score(T0);
    // 25·0.90 + 10·0.85 + 10·0.75 + 10·(1−0.05) + 15·(1−0.02) + 20·(4.3−1)/4 + 10·(1−0.02)
    assertThat(score.score()).isCloseTo(89.0, within(1e-9));
    assertThat(score.tier()).isEqualTo(Tier.NEW);
    assertThat(score.qualifiesFor()).isEqualTo(Tier.NEW);
    assertThat(score.component(Component.COMPLETION).reasonCodes())
        .containsExactly(ReasonCode.NO_DATA);
    assertThat(score.component(Component.CANCELLATION).rate()).isEqualTo(0.05);
  }

  @Test
  void completionIsShrunkTowardThePrior() {
    List<ReliabilityEvent> events = new ArrayList<>(times(3, () -> new JobCompleted(P, T0, 0)));
    events.add(new ProNoShow(P, T0));
    ComponentScore completion = component(events, Component.COMPLETION);
    // (3 + 0.90·10) / (4 + 10)
    assertThat(completion.value()).isCloseTo(12.0 / 14, within(EPS));
    assertThat(completion.rate()).isCloseTo(0.75, within(EPS));
    assertThat(completion.count()).isEqualTo(4);
    assertThat(completion.decayedCount()).isCloseTo(4, within(EPS));
    assertThat(completion.prior()).isEqualTo(0.90);
    assertThat(completion.reasonCodes())
        .containsExactly(
            ReasonCode.PRO_NO_SHOW, ReasonCode.MOSTLY_PRIOR, ReasonCode.BELOW_NEXT_TIER);
  }

  @Test
  void punctualityCountsJobsWithinTheLateTolerance() {
    List<ReliabilityEvent> events =
        List.of(
            new JobCompleted(P, T0, 0),
            new JobCompleted(P, T0, 15), // exactly the tolerance: on time
            new JobCompleted(P, T0, 16));
    ComponentScore punctuality = component(events, Component.PUNCTUALITY);
    // (2 + 0.85·10) / (3 + 10)
    assertThat(punctuality.value()).isCloseTo(10.5 / 13, within(EPS));
    assertThat(punctuality.rate()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(punctuality.reasonCodes()).startsWith(ReasonCode.JOB_COMPLETED_LATE);
  }

  @Test
  void responsivenessCountsAnswersWithinTheTargetAndIgnoredLeads() {
    List<ReliabilityEvent> events =
        List.of(
            new LeadOffered(P, T0),
            new LeadResponded(P, T0, 42),
            new LeadOffered(P, T0),
            new LeadResponded(P, T0, 241),
            new LeadOffered(P, T0),
            new LeadIgnored(P, T0));
    ComponentScore responsiveness = component(events, Component.RESPONSIVENESS);
    // (1 + 0.75·10) / (3 + 10); offers are counted, not scored
    assertThat(responsiveness.value()).isCloseTo(8.5 / 13, within(EPS));
    assertThat(responsiveness.count()).isEqualTo(3);
    assertThat(counters(P, events).eventCount(ReliabilityEvent.Type.LEAD_OFFERED)).isEqualTo(3);
  }

  @Test
  void cancellationsWithNoticeWeighHalf() {
    List<ReliabilityEvent> events = new ArrayList<>(times(4, () -> new JobCompleted(P, T0, 0)));
    events.add(new ProCancelled(P, T0, 3));
    events.add(new ProCancelled(P, T0, 72));
    ComponentScore cancellation = component(events, Component.CANCELLATION);
    // n = 4 + 1 + 0.5, failures = 1.5; 1 − (1.5 + 0.05·10) / (5.5 + 10)
    assertThat(cancellation.value()).isCloseTo(1 - 2.0 / 15.5, within(EPS));
    assertThat(cancellation.rate()).isCloseTo(1.5 / 5.5, within(EPS));
    assertThat(cancellation.reasonCodes()).startsWith(ReasonCode.PRO_CANCELLED_WITH_NOTICE);
    // completion: 4 / (4 + 1.5) observed
    assertThat(component(events, Component.COMPLETION).value())
        .isCloseTo((4 + 9.0) / (5.5 + 10), within(EPS));
  }

  @Test
  void noShowRateUsesCompletedJobsAndNoShows() {
    List<ReliabilityEvent> events = new ArrayList<>(times(9, () -> new JobCompleted(P, T0, 0)));
    events.add(new ProNoShow(P, T0));
    ComponentScore noShow = component(events, Component.NO_SHOW);
    // 1 − (1 + 0.02·20) / (10 + 20)
    assertThat(noShow.value()).isCloseTo(1 - 1.4 / 30, within(EPS));
    assertThat(noShow.rate()).isCloseTo(0.1, within(EPS));
  }

  @Test
  void ratingIsABayesianAverage() {
    List<ReliabilityEvent> events =
        List.of(new Rated(P, T0, 5), new Rated(P, T0, 5), new Rated(P, T0, 4));
    ComponentScore rating = component(events, Component.RATING);
    double bayes = (14 + 4.3 * 10) / (3 + 10);
    assertThat(rating.rate()).isCloseTo(14.0 / 3, within(EPS));
    assertThat(rating.value()).isCloseTo((bayes - 1) / 4, within(EPS));
    assertThat(rating.reasonCodes()).startsWith(ReasonCode.RATED_POSITIVE);
  }

  @Test
  void lostDisputesLowerTheDisputesComponentAndOpenOnesDoNot() {
    List<ReliabilityEvent> events = new ArrayList<>(times(5, () -> new JobCompleted(P, T0, 0)));
    events.add(new DisputeOpened(P, T0));
    double beforeLoss = component(events, Component.DISPUTES).value();
    // 1 − (0 + 0.02·20) / (5 + 20)
    assertThat(beforeLoss).isCloseTo(1 - 0.4 / 25, within(EPS));
    events.add(new DisputeLost(P, T0));
    assertThat(component(events, Component.DISPUTES).value()).isCloseTo(1 - 1.4 / 25, within(EPS));
  }

  @Test
  void theScoreIsTheSumOfContributions() {
    List<ReliabilityEvent> events = new ArrayList<>(times(6, () -> new JobCompleted(P, T0, 0)));
    events.add(new Rated(P, T0, 2));
    events.add(new ProNoShow(P, T0));
    ReliabilityScore score = counters(P, events).score(T0);
    double sum =
        score.components().values().stream().mapToDouble(ComponentScore::contribution).sum();
    assertThat(score.score()).isCloseTo(sum, within(1e-9));
    double byHand = 0;
    for (ComponentScore c : score.components().values()) {
      byHand += c.weight() * c.value();
    }
    assertThat(score.score()).isCloseTo(byHand, within(1e-9)); // weights sum to 100
  }

  @Test
  void anOldNoShowWeighsLessThanARecentOne() {
    ProId old = pro("p-old");
    ProId recent = pro("p-recent");
    ReliabilityCounters a = Fixtures.MODEL.newCounters(old);
    a.apply(new ProNoShow(old, T0));
    ReliabilityCounters b = Fixtures.MODEL.newCounters(recent);
    b.apply(new ProNoShow(recent, daysAfter(179)));
    ReliabilityScore oldScore = a.score(daysAfter(180));
    ReliabilityScore recentScore = b.score(daysAfter(180));
    // No-show half-life is 90 days: after 180 days the old one counts a quarter.
    assertThat(oldScore.component(Component.NO_SHOW).decayedCount()).isCloseTo(0.25, within(1e-9));
    assertThat(oldScore.component(Component.NO_SHOW).value())
        .isGreaterThan(recentScore.component(Component.NO_SHOW).value());
    assertThat(oldScore.score()).isGreaterThan(recentScore.score());
    // Completion decays with its own 180-day half-life: half.
    assertThat(oldScore.component(Component.COMPLETION).decayedCount())
        .isCloseTo(0.5, within(1e-9));
  }

  @Test
  void customerNoShowsAndWonDisputesAreRecordedButExcluded() {
    List<ReliabilityEvent> base = new ArrayList<>(times(5, () -> new JobCompleted(P, T0, 0)));
    ReliabilityScore before = counters(P, base).score(T0);
    List<ReliabilityEvent> more = new ArrayList<>(base);
    more.add(new CustomerNoShow(P, T0));
    more.add(new CustomerNoShow(P, T0));
    more.add(new DisputeWon(P, T0));
    ReliabilityCounters counters = counters(P, more);
    ReliabilityScore after = counters.score(T0);
    assertThat(after.score()).isEqualTo(before.score());
    assertThat(after.components()).isEqualTo(before.components());
    assertThat(after.exclusions())
        .containsEntry(ReasonCode.CUSTOMER_NO_SHOW_EXCLUDED, 2L)
        .containsEntry(ReasonCode.DISPUTE_WON_EXCLUDED, 1L);
    assertThat(ReasonCode.CUSTOMER_NO_SHOW_EXCLUDED.excluded()).isTrue();
    assertThat(counters.eventCount(ReliabilityEvent.Type.CUSTOMER_NO_SHOW)).isEqualTo(2);
    assertThat(counters.eventCount()).isEqualTo(8);
  }

  @Test
  void twoPerfectJobsDoNotOutrankNinetyFiveGoodJobsOfAHundred() {
    ProId fresh = pro("p-fresh");
    ProId veteran = pro("p-veteran");
    List<ReliabilityEvent> freshEvents = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      freshEvents.add(new JobCompleted(fresh, T0, 0));
      freshEvents.add(new Rated(fresh, T0, 5));
    }
    List<ReliabilityEvent> veteranEvents = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      boolean good = i < 95;
      veteranEvents.add(new JobCompleted(veteran, T0, good ? 0 : 40));
      veteranEvents.add(new Rated(veteran, T0, good ? 5 : 3));
    }
    ReliabilityScore a = counters(fresh, freshEvents).score(T0);
    ReliabilityScore b = counters(veteran, veteranEvents).score(T0);
    // punctuality: (2 + 8.5) / 12 against (95 + 8.5) / 110
    assertThat(a.component(Component.PUNCTUALITY).value()).isCloseTo(10.5 / 12, within(EPS));
    assertThat(b.component(Component.PUNCTUALITY).value()).isCloseTo(103.5 / 110, within(EPS));
    // rating: (10 + 43) / 12 against (490 + 43) / 110
    assertThat(a.component(Component.RATING).value()).isCloseTo((53.0 / 12 - 1) / 4, within(EPS));
    assertThat(b.component(Component.RATING).value()).isCloseTo((533.0 / 110 - 1) / 4, within(EPS));
    assertThat(b.score()).isGreaterThan(a.score());
    assertThat(
            Ranker.defaults()
                .rank(
                    List.of(
                        Ranker.Candidate.of(a, 10, null, 0), Ranker.Candidate.of(b, 10, null, 0)),
                    null,
                    2)
                .order())
        .containsExactly(veteran, fresh);
  }

  @Test
  void strikesSuspendAtTheModelLimit() {
    List<ReliabilityEvent> events = new ArrayList<>(times(10, () -> new JobCompleted(P, T0, 0)));
    events.add(new ProNoShow(P, T0));
    events.add(new DisputeLost(P, T0));
    assertThat(counters(P, events).score(T0).suspended()).isFalse();
    events.add(new ReliabilityEvent.CredentialLapsed(P, T0, "electrician-licence"));
    ReliabilityScore score = counters(P, events).score(T0);
    assertThat(score.strikes()).isCloseTo(3, within(EPS));
    assertThat(score.suspended()).isTrue();
    // 180 days later the strikes have halved
    assertThat(counters(P, events).score(daysAfter(180)).suspended()).isFalse();
  }

  @Test
  void outOfOrderEventsGiveTheSameCountersAsInOrder() {
    List<ReliabilityEvent> events = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      events.add(new JobCompleted(P, daysAfter(d * 3), d % 7 == 0 ? 30 : 0));
      if (d % 5 == 0) {
        events.add(new ProNoShow(P, daysAfter(d * 3 + 1)));
      }
      events.add(new Rated(P, daysAfter(d * 3 + 2), 1 + d % 5));
    }
    ReliabilityScore inOrder = counters(P, events).score(daysAfter(200));
    List<ReliabilityEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new java.util.Random(7));
    ReliabilityScore outOfOrder = counters(P, shuffled).score(daysAfter(200));
    for (Component c : Component.values()) {
      assertThat(outOfOrder.component(c).value())
          .as(c.name())
          .isCloseTo(inOrder.component(c).value(), within(1e-12));
    }
  }

  @Test
  void refusesToScoreBeforeTheLatestEventOrEventsOfAnotherPro() {
    ReliabilityCounters counters = counters(P, List.of(new JobCompleted(P, daysAfter(5), 0)));
    assertThatThrownBy(() -> counters.score(T0))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("at:");
    assertThatThrownBy(() -> counters.apply(new ProNoShow(pro("p-other"), T0)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("event.pro:");
  }

  @Test
  void rebuildRefusesNullEventsAndAcceptsImmutableHistories() {
    List<ReliabilityEvent> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> ReliabilityCounters.rebuild(P, Fixtures.MODEL, withNull))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("history:");
    assertThat(
            ReliabilityCounters.rebuild(P, Fixtures.MODEL, List.of(new JobCompleted(P, T0, 0)))
                .eventCount())
        .isEqualTo(1);
  }
}
