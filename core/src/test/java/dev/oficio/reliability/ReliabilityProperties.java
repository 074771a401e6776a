package dev.oficio.reliability;

import static dev.oficio.reliability.Fixtures.MODEL;
import static dev.oficio.reliability.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.oficio.reliability.ReliabilityEvent.Type;
import dev.oficio.shared.ProId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ReliabilityProperties {
  private static final ProId P = ProId.of("p-17");
  private static final int YEAR_MINUTES = 365 * 24 * 60;
  private static final double TOLERANCE = 1e-9;

  /** Any event of P within a year of T0; the parameter drives minutes, hours and stars. */
  private static Gen<ReliabilityEvent> events() {
    return integers()
        .between(0, Type.values().length - 1)
        .zip(
            integers().between(0, YEAR_MINUTES),
            integers().between(0, 600),
            (type, minute, param) ->
                event(Type.values()[type], T0.plusSeconds(60L * minute), param));
  }

  private static ReliabilityEvent event(Type type, Instant at, int param) {
    return switch (type) {
      case JOB_COMPLETED -> new ReliabilityEvent.JobCompleted(P, at, param % 60);
      case PRO_CANCELLED -> new ReliabilityEvent.ProCancelled(P, at, param % 96);
      case PRO_NO_SHOW -> new ReliabilityEvent.ProNoShow(P, at);
      case CUSTOMER_NO_SHOW -> new ReliabilityEvent.CustomerNoShow(P, at);
      case LEAD_OFFERED -> new ReliabilityEvent.LeadOffered(P, at);
      case LEAD_RESPONDED -> new ReliabilityEvent.LeadResponded(P, at, param);
      case LEAD_IGNORED -> new ReliabilityEvent.LeadIgnored(P, at);
      case RATED -> new ReliabilityEvent.Rated(P, at, 1 + param % 5);
      case DISPUTE_OPENED -> new ReliabilityEvent.DisputeOpened(P, at);
      case DISPUTE_LOST -> new ReliabilityEvent.DisputeLost(P, at);
      case DISPUTE_WON -> new ReliabilityEvent.DisputeWon(P, at);
      case CREDENTIAL_LAPSED -> new ReliabilityEvent.CredentialLapsed(P, at, "c-" + param % 3);
    };
  }

  private static Gen<List<ReliabilityEvent>> histories() {
    return lists().of(events()).ofSizeBetween(0, 60);
  }

  private static Instant readAt(List<ReliabilityEvent> events, long extraMinutes) {
    Instant last = events.stream().map(ReliabilityEvent::at).max(Instant::compareTo).orElse(T0);
    return last.plusSeconds(60 * extraMinutes);
  }

  private static ReliabilityScore score(List<ReliabilityEvent> events, Instant at) {
    ReliabilityCounters counters = MODEL.newCounters(P);
    events.forEach(counters::apply);
    return counters.score(at);
  }

  @Test
  void scoreAndEveryComponentStayInRange() {
    qt().forAll(histories(), longs().between(0, 2L * YEAR_MINUTES))
        .checkAssert(
            (events, extra) -> {
              ReliabilityScore score = score(events, readAt(events, extra));
              assertThat(score.score()).isBetween(0.0, 100.0);
              for (ComponentScore c : score.components().values()) {
                assertThat(c.value()).isBetween(0.0, 1.0);
                assertThat(c.lowerBound()).isBetween(0.0, 1.0);
                assertThat(c.contribution()).isBetween(0.0, 100.0);
                assertThat(c.decayedCount()).isGreaterThanOrEqualTo(0.0);
              }
            });
  }

  /** How an event should move each component, by the definitions in Component's Javadoc. */
  private enum Effect {
    UP,
    DOWN,
    NONE,
    EITHER
  }

  private static Map<Component, Effect> expectedEffects(ReliabilityEvent event) {
    Map<Component, Effect> effects = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      effects.put(c, Effect.NONE);
    }
    switch (event.type()) {
      case JOB_COMPLETED -> {
        effects.put(Component.COMPLETION, Effect.UP);
        effects.put(Component.CANCELLATION, Effect.UP);
        effects.put(Component.NO_SHOW, Effect.UP);
        effects.put(Component.DISPUTES, Effect.UP);
        boolean onTime = ((ReliabilityEvent.JobCompleted) event).lateMinutes() <= 15;
        effects.put(Component.PUNCTUALITY, onTime ? Effect.UP : Effect.DOWN);
      }
      case PRO_CANCELLED -> {
        effects.put(Component.COMPLETION, Effect.DOWN);
        effects.put(Component.CANCELLATION, Effect.DOWN);
      }
      case PRO_NO_SHOW -> {
        effects.put(Component.COMPLETION, Effect.DOWN);
        effects.put(Component.NO_SHOW, Effect.DOWN);
      }
      case LEAD_RESPONDED ->
          effects.put(
              Component.RESPONSIVENESS,
              ((ReliabilityEvent.LeadResponded) event).minutes() <= 240 ? Effect.UP : Effect.DOWN);
      case LEAD_IGNORED -> effects.put(Component.RESPONSIVENESS, Effect.DOWN);
      case RATED -> {
        int stars = ((ReliabilityEvent.Rated) event).stars();
        effects.put(
            Component.RATING, stars == 5 ? Effect.UP : stars == 1 ? Effect.DOWN : Effect.EITHER);
      }
      case DISPUTE_LOST -> effects.put(Component.DISPUTES, Effect.DOWN);
      case CUSTOMER_NO_SHOW, LEAD_OFFERED, DISPUTE_OPENED, DISPUTE_WON, CREDENTIAL_LAPSED -> {
        // excluded or counted only: no component moves
      }
    }
    return effects;
  }

  @Test
  void aGoodEventNeverLowersAComponentAndABadOneNeverRaisesIt() {
    qt().forAll(histories(), events(), longs().between(0, YEAR_MINUTES))
        .checkAssert(
            (history, extra, later) -> {
              List<ReliabilityEvent> withExtra = new ArrayList<>(history);
              withExtra.add(extra);
              Instant at = readAt(withExtra, later);
              ReliabilityScore before = score(history, at);
              ReliabilityScore after = score(withExtra, at);
              expectedEffects(extra)
                  .forEach(
                      (component, effect) -> {
                        double b = before.component(component).value();
                        double a = after.component(component).value();
                        switch (effect) {
                          case UP ->
                              assertThat(a)
                                  .as(component + " after " + extra)
                                  .isGreaterThanOrEqualTo(b - TOLERANCE);
                          case DOWN ->
                              assertThat(a)
                                  .as(component + " after " + extra)
                                  .isLessThanOrEqualTo(b + TOLERANCE);
                          case NONE ->
                              assertThat(a)
                                  .as(component + " after " + extra)
                                  .isCloseTo(b, within(TOLERANCE));
                          case EITHER -> assertThat(a).isBetween(0.0, 1.0);
                        }
                      });
            });
  }

  @Test
  void applyingEventsOneByOneInAnyOrderEqualsRebuildingFromTheHistory() {
    qt().forAll(histories(), longs().between(0, YEAR_MINUTES), longs().all())
        .checkAssert(
            (history, later, seed) -> {
              Instant at = readAt(history, later);
              List<ReliabilityEvent> shuffled = new ArrayList<>(history);
              Collections.shuffle(shuffled, new Random(seed));
              ReliabilityScore incremental = score(shuffled, at);
              ReliabilityScore rebuilt = ReliabilityCounters.rebuild(P, MODEL, history).score(at);
              assertThat(incremental.score()).isCloseTo(rebuilt.score(), within(TOLERANCE));
              assertThat(incremental.strikes()).isCloseTo(rebuilt.strikes(), within(TOLERANCE));
              for (Component c : Component.values()) {
                assertThat(incremental.component(c).decayedCount())
                    .isCloseTo(rebuilt.component(c).decayedCount(), within(TOLERANCE));
                assertThat(incremental.component(c).value())
                    .isCloseTo(rebuilt.component(c).value(), within(TOLERANCE));
                assertThat(incremental.component(c).count())
                    .isEqualTo(rebuilt.component(c).count());
              }
              // In time order, one by one is exactly the rebuild, tier included.
              List<ReliabilityEvent> sorted = new ArrayList<>(history);
              sorted.sort(java.util.Comparator.comparing(ReliabilityEvent::at));
              assertThat(score(sorted, at)).isEqualTo(rebuilt);
            });
  }

  @Test
  void decayedCountsEqualTheClosedFormSum() {
    qt().forAll(histories(), longs().between(0, YEAR_MINUTES))
        .checkAssert(
            (history, later) -> {
              Instant at = readAt(history, later);
              double completedJobs = 0;
              double noShowTrials = 0;
              double ratings = 0;
              for (ReliabilityEvent e : history) {
                double days = Duration.between(e.at(), at).toMillis() / 86_400_000.0;
                if (e.type() == Type.JOB_COMPLETED) {
                  completedJobs += Math.pow(2, -days / 180);
                }
                if (e.type() == Type.JOB_COMPLETED || e.type() == Type.PRO_NO_SHOW) {
                  noShowTrials += Math.pow(2, -days / 90);
                }
                if (e.type() == Type.RATED) {
                  ratings += Math.pow(2, -days / 180);
                }
              }
              ReliabilityScore score = score(history, at);
              assertThat(score.completedJobs()).isCloseTo(completedJobs, within(TOLERANCE));
              assertThat(score.component(Component.NO_SHOW).decayedCount())
                  .isCloseTo(noShowTrials, within(TOLERANCE));
              assertThat(score.component(Component.RATING).decayedCount())
                  .isCloseTo(ratings, within(TOLERANCE));
            });
  }

  private static Gen<List<Ranker.Candidate>> candidates() {
    // Few distinct values so ties on every signal are common.
    Gen<int[]> fields =
        integers()
            .between(0, 4)
            .zip(
                integers().between(0, 4),
                integers().between(0, 3),
                integers().between(0, 2),
                (r, s, t, b) -> new int[] {r, s, t, b});
    return lists()
        .of(fields)
        .ofSizeBetween(1, 40)
        .map(
            rows -> {
              List<Ranker.Candidate> list = new ArrayList<>();
              for (int i = 0; i < rows.size(); i++) {
                int[] f = rows.get(i);
                list.add(
                    new Ranker.Candidate(
                        ProId.of("p-" + i), 60 + 10 * f[0], 1 + f[1], 30 * f[2], null, f[3] / 2.0));
              }
              return list;
            });
  }

  @Test
  void theRankingIsADeterministicTotalOrder() {
    Ranker ranker = Ranker.defaults();
    qt().forAll(candidates(), longs().all())
        .checkAssert(
            (list, seed) -> {
              Ranking ranking = ranker.rank(list, null, list.size());
              List<Ranker.Candidate> shuffled = new ArrayList<>(list);
              Collections.shuffle(shuffled, new Random(seed));
              Ranking again = ranker.rank(shuffled, null, list.size());
              assertThat(again.order()).isEqualTo(ranking.order());
              List<Ranker.RankedPro> top = ranking.top();
              assertThat(top).hasSize(list.size());
              for (int i = 0; i < top.size(); i++) {
                Ranker.RankedPro p = top.get(i);
                assertThat(p.position()).isEqualTo(i + 1);
                // explain() counts the candidates ordered before: the same position
                assertThat(ranking.explain(p.pro()).position()).isEqualTo(i + 1);
                if (i > 0) {
                  assertThat(p.total()).isLessThanOrEqualTo(top.get(i - 1).total());
                }
              }
              // A shorter top is a prefix of the full order.
              int k = 1 + (int) Math.floorMod(seed, (long) list.size());
              assertThat(ranker.rank(shuffled, null, k).order())
                  .isEqualTo(ranking.order().subList(0, k));
            });
  }

  @Test
  void noBoostLiftsAProOverOneMoreReliableByMoreThanTheMargin() {
    Ranker ranker = Ranker.defaults();
    double margin = ranker.policy().boostMargin();
    qt().forAll(
            integers().between(0, 9_000), integers().between(1, 400), integers().between(0, 100))
        .checkAssert(
            (reliable, lead, boost) -> {
              // low in [0, 90], high = low + margin (6) + a lead of 0.01 to 4 points ≤ 100
              double low = reliable / 100.0;
              double high = low + margin + lead / 100.0;
              Ranker.Candidate paying =
                  new Ranker.Candidate(ProId.of("p-a"), low, 4, 10, null, boost / 100.0);
              Ranker.Candidate better = new Ranker.Candidate(ProId.of("p-b"), high, 4, 10, null, 0);
              assertThat(ranker.rank(List.of(paying, better), null, 1).order())
                  .containsExactly(ProId.of("p-b"));
            });
  }
}
