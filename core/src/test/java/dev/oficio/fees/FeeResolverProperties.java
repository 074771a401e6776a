package dev.oficio.fees;

import static dev.oficio.fees.Schedules.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the resolver over random valid schedules. A schedule is derived from a generated
 * seed, so a failure reports the seed that rebuilds it.
 */
class FeeResolverProperties {
  private static final Instant AT = Instant.parse("2027-02-01T14:00:00Z");
  private static final String[] PROS = {"p-1", "p-2", "p-3"};
  private static final String[] PLANS = {"PRO", "BASIC"};
  private static final String[] CATEGORIES = {"electrical", "plumbing"};
  private static final RoundingMode[] MODES = {
    RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP
  };

  /** Up to $1,000,000 in cents. */
  private static final long MAX_AMOUNT = 100_000_000L;

  static FeeRule.Builder randomRule(Random random, String name, FeeMatch match) {
    FeeRule.Builder rule =
        FeeRule.builder(name, USD)
            .match(match)
            .method(random.nextBoolean() ? FeeMethod.MARGINAL : FeeMethod.FLAT)
            .basis(random.nextInt(3) == 0 ? FeeBasis.PRO_VOLUME : FeeBasis.JOB_AMOUNT);
    int tiers = 1 + random.nextInt(5);
    long bound = 0;
    for (int i = 0; i < tiers - 1; i++) {
      bound += 1 + random.nextInt(2_000_000);
      rule.tier(Money.ofMinor(bound, USD), randomRate(random));
    }
    rule.lastTier(randomRate(random));
    if (random.nextBoolean()) {
      rule.fixed(Money.ofMinor(random.nextInt(500), USD));
    }
    long minimum = -1;
    if (random.nextBoolean()) {
      minimum = random.nextInt(3_000);
      rule.minimum(Money.ofMinor(minimum, USD));
    }
    if (random.nextBoolean()) {
      rule.maximum(Money.ofMinor(Math.max(0, minimum) + random.nextInt(1_000_000), USD));
    }
    return rule;
  }

  static Rate randomRate(Random random) {
    // Whole basis points up to 30%, sometimes a thousandth of a percent.
    return random.nextInt(4) == 0
        ? Rate.ofPercent(BigDecimal.valueOf(random.nextInt(30_000), 3))
        : Rate.ofBasisPoints(random.nextInt(3_000));
  }

  static FeeSchedule randomSchedule(long seed) {
    Random random = new Random(seed);
    FeeSchedule.Builder schedule =
        FeeSchedule.builder("random", 1, USD, Instant.parse("2027-01-01T00:00:00Z"))
            .rounding(MODES[random.nextInt(MODES.length)]);
    if (random.nextBoolean()) {
      schedule.taxOnFee(random.nextBoolean() ? Rate.parse("11.5") : Rate.parse("4"));
    }
    switch (random.nextInt(3)) {
      case 0 -> schedule.processorFee(ProcessorFee.card(USD, randomPayer(random)));
      case 1 ->
          schedule.processorFee(ProcessorFee.ath(Rate.parse("1.5"), USD, randomPayer(random)));
      default -> schedule.processorFee(ProcessorFee.none(USD));
    }
    schedule.rule(randomRule(random, "default", FeeMatch.ANY));
    List<FeeMatch> matches = randomMatches(random);
    for (int i = 0; i < matches.size(); i++) {
      schedule.rule(randomRule(random, "rule-" + i, matches.get(i)));
    }
    if (random.nextBoolean()) {
      schedule.customerRule(randomRule(random, "service", FeeMatch.ANY));
    }
    return schedule.build();
  }

  private static FeePayer randomPayer(Random random) {
    return random.nextBoolean() ? FeePayer.PRO : FeePayer.PLATFORM;
  }

  /** Distinct non-default matches over a small universe, so queries hit them often. */
  static List<FeeMatch> randomMatches(Random random) {
    List<FeeMatch> all = new ArrayList<>();
    for (String pro : new String[] {null, PROS[0], PROS[1]}) {
      for (String plan : new String[] {null, PLANS[0]}) {
        for (String category : new String[] {null, CATEGORIES[0]}) {
          FeeMatch match = new FeeMatch(pro == null ? null : ProId.of(pro), plan, category);
          if (!match.isDefault() && random.nextInt(3) == 0) {
            all.add(match);
          }
        }
      }
    }
    return all;
  }

  static FeeQuery randomQuery(long amount, long seed) {
    Random random = new Random(seed);
    FeeQuery query = FeeQuery.of(Money.ofMinor(amount, USD), AT);
    if (random.nextBoolean()) {
      query = query.withPro(ProId.of(PROS[random.nextInt(PROS.length)]));
    }
    if (random.nextBoolean()) {
      query = query.withPlan(PLANS[random.nextInt(PLANS.length)]);
    }
    if (random.nextBoolean()) {
      query = query.withCategory(CATEGORIES[random.nextInt(CATEGORIES.length)]);
    }
    if (random.nextBoolean()) {
      query = query.withPriorVolume(Money.ofMinor(random.nextInt(5_000_000), USD));
    }
    return query;
  }

  @Test
  void feesAreNeverNegativeNeverAboveTheGrossAndConserveEveryCent() {
    qt().forAll(longs().all(), longs().between(0, MAX_AMOUNT), longs().all())
        .checkAssert(
            (scheduleSeed, amount, querySeed) -> {
              FeeSchedule schedule = randomSchedule(scheduleSeed);
              FeeQuote quote = FeeResolver.of(schedule).quote(randomQuery(amount, querySeed));
              assertThat(quote.platformFee().minorUnits()).isBetween(0L, amount);
              assertThat(quote.taxOnFee().isNegative()).isFalse();
              assertThat(quote.proPayout().isNegative()).isFalse();
              long deducted =
                  quote.platformFee().minorUnits()
                      + quote.taxOnFee().minorUnits()
                      + quote.processorFeeBorneByPro().minorUnits();
              assertThat(quote.proPayout().minorUnits() + deducted).isEqualTo(amount);
              if (schedule.processorFee().payer() == FeePayer.PRO
                  && quote.proPayout().isPositive()) {
                // The pro bears all of it whenever the payout could cover it.
                assertThat(quote.processorFeeBorneByPro()).isEqualTo(quote.processorFee());
              }
              assertThat(quote.customerTotal().minorUnits())
                  .isEqualTo(amount + quote.customerServiceFee().minorUnits());
            });
  }

  @Test
  void marginalFeesAreNonDecreasingAndContinuous() {
    qt().forAll(longs().all(), longs().between(0, MAX_AMOUNT - 1))
        .checkAssert(
            (seed, amount) -> {
              Random random = new Random(seed);
              FeeSchedule schedule =
                  FeeSchedule.builder("marginal", 1, USD, AT)
                      .rounding(MODES[random.nextInt(MODES.length)])
                      .rule(
                          randomRule(random, "default", FeeMatch.ANY)
                              .method(FeeMethod.MARGINAL)
                              .basis(FeeBasis.JOB_AMOUNT))
                      .build();
              FeeQuote low =
                  FeeResolver.of(schedule).quote(FeeQuery.of(Money.ofMinor(amount, USD), AT));
              FeeQuote high =
                  FeeResolver.of(schedule).quote(FeeQuery.of(Money.ofMinor(amount + 1, USD), AT));
              BigDecimal jump = high.explanation().exact().subtract(low.explanation().exact());
              // One more cent of basis adds at most one cent (rates are at most 100%).
              assertThat(jump).isBetween(BigDecimal.ZERO, new BigDecimal("0.01"));
              long rounded = high.platformFee().minorUnits() - low.platformFee().minorUnits();
              assertThat(rounded).isBetween(0L, 1L);
            });
  }

  @Test
  void theMostSpecificMatchingRuleAlwaysWins() {
    qt().forAll(longs().all(), longs().between(0, MAX_AMOUNT), longs().all())
        .checkAssert(
            (scheduleSeed, amount, querySeed) -> {
              FeeSchedule schedule = randomSchedule(scheduleSeed);
              FeeQuery query = randomQuery(amount, querySeed);
              FeeQuote quote = FeeResolver.of(schedule).quote(query);
              FeeRule winner =
                  schedule.rules().stream()
                      .filter(r -> r.name().equals(quote.rule()))
                      .findFirst()
                      .orElseThrow();
              assertThat(winner.match().matches(query.proId(), query.plan(), query.category()))
                  .isTrue();
              for (FeeRule other : schedule.rules()) {
                if (other != winner
                    && other.match().matches(query.proId(), query.plan(), query.category())) {
                  assertThat(other.match().specificity()).isLessThan(winner.match().specificity());
                }
              }
            });
  }

  @Test
  void quotingIsDeterministic() {
    qt().forAll(longs().all(), longs().between(0, MAX_AMOUNT), longs().all())
        .checkAssert(
            (scheduleSeed, amount, querySeed) -> {
              FeeQuote first =
                  FeeResolver.of(randomSchedule(scheduleSeed))
                      .quote(randomQuery(amount, querySeed));
              FeeQuote second =
                  FeeResolver.of(randomSchedule(scheduleSeed))
                      .quote(randomQuery(amount, querySeed));
              assertThat(second).isEqualTo(first);
              assertThat(second.explanationLines()).isEqualTo(first.explanationLines());
            });
  }

  @Test
  void refundingTheFullAmountReversesExactlyTheFeesInAnyNumberOfSteps() {
    qt().forAll(
            longs().all(), longs().between(1, MAX_AMOUNT), longs().all(), integers().between(1, 5))
        .checkAssert(
            (scheduleSeed, amount, querySeed, steps) -> {
              FeeResolver resolver = FeeResolver.of(randomSchedule(scheduleSeed));
              FeeQuote quote = resolver.quote(randomQuery(amount, querySeed));
              RefundQuote whole = resolver.refundQuote(quote, quote.gross());
              assertThat(whole.platformFeeReversed()).isEqualTo(quote.platformFee());
              assertThat(whole.taxOnFeeReversed()).isEqualTo(quote.taxOnFee());
              assertThat(whole.proPayoutReversed()).isEqualTo(quote.proPayout());
              assertThat(whole.customerRefund()).isEqualTo(quote.customerTotal());

              List<Money> parts = quote.gross().allocate(splits(steps, querySeed));
              Money refunded = Money.zero(USD);
              long fee = 0;
              long payout = 0;
              long service = 0;
              for (Money part : parts) {
                if (!part.isPositive()) {
                  continue;
                }
                RefundQuote refund = resolver.refundQuote(quote, part, refunded);
                refunded = refunded.plus(part);
                fee += refund.platformFeeReversed().minorUnits();
                payout += refund.proPayoutReversed().minorUnits();
                service += refund.customerServiceFeeReversed().minorUnits();
              }
              assertThat(fee).isEqualTo(quote.platformFee().minorUnits());
              assertThat(payout).isEqualTo(quote.proPayout().minorUnits());
              assertThat(service).isEqualTo(quote.customerServiceFee().minorUnits());
            });
  }

  private static int[] splits(int steps, long seed) {
    Random random = new Random(seed);
    int[] ratios = new int[steps];
    for (int i = 0; i < steps; i++) {
      ratios[i] = 1 + random.nextInt(100);
    }
    return ratios;
  }
}
