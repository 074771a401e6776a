package dev.oficio.fees;

import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

/**
 * Random valid fee schedules and queries derived from a seed, for property tests here and in the
 * adapters (published in core's test-jar). The same seed always gives the same schedule.
 */
public final class RandomSchedules {
  static final Currency USD = Currency.getInstance("USD");
  static final Instant AT = Instant.parse("2027-02-01T14:00:00Z");
  private static final String[] PROS = {"p-1", "p-2", "p-3"};
  private static final String[] PLANS = {"PRO", "BASIC"};
  private static final String[] CATEGORIES = {"electrical", "plumbing"};
  static final RoundingMode[] MODES = {
    RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP
  };

  static final RoundingMode[] ALL_MODES = {
    RoundingMode.HALF_UP,
    RoundingMode.HALF_EVEN,
    RoundingMode.HALF_DOWN,
    RoundingMode.DOWN,
    RoundingMode.UP,
    RoundingMode.FLOOR
  };

  private RandomSchedules() {}

  public static FeeRule.Builder randomRule(Random random, String name, FeeMatch match) {
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

  public static Rate randomRate(Random random) {
    // Mostly whole basis points up to 30%, sometimes a thousandth of a percent, and now and then
    // a rate finer than the resolver's long path handles (10 decimals), to exercise BigDecimal.
    int kind = random.nextInt(20);
    if (kind == 0) {
      return Rate.ofPercent(BigDecimal.valueOf(1L + random.nextInt(1_000_000_000), 10));
    }
    return kind < 5
        ? Rate.ofPercent(BigDecimal.valueOf(random.nextInt(30_000), 3))
        : Rate.ofBasisPoints(random.nextInt(3_000));
  }

  public static FeeSchedule randomSchedule(long seed) {
    Random random = new Random(seed);
    FeeSchedule.Builder schedule =
        FeeSchedule.builder("random", 1, USD, Instant.parse("2027-01-01T00:00:00Z"))
            .rounding(ALL_MODES[random.nextInt(ALL_MODES.length)]);
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
  public static List<FeeMatch> randomMatches(Random random) {
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

  public static FeeQuery randomQuery(long amount, long seed) {
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
}
