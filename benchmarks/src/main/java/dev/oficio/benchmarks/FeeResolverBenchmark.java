package dev.oficio.benchmarks;

import dev.oficio.fees.FeeMatch;
import dev.oficio.fees.FeeMethod;
import dev.oficio.fees.FeePayer;
import dev.oficio.fees.FeeQuery;
import dev.oficio.fees.FeeQuote;
import dev.oficio.fees.FeeResolver;
import dev.oficio.fees.FeeRule;
import dev.oficio.fees.FeeSchedule;
import dev.oficio.fees.ProcessorFee;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Quoting against a 5-tier marginal schedule with 20 rules, next to the practical floor: one fixed
 * percentage computed inline. Run with {@code -prof gc} to see allocations per quote.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FeeResolverBenchmark {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant AT = Instant.parse("2027-02-01T14:00:00Z");
  private static final Rate FLAT = Rate.parse("7.5");

  private FeeResolver resolver;
  private FeeQuery[] queries;
  private Money[] amounts;
  private int next;

  /** Builds the schedule and a small rotation of queries so the JIT cannot fold one answer. */
  @Setup
  public void setUp() {
    FeeSchedule.Builder schedule =
        FeeSchedule.builder("bench", 1, USD, Instant.parse("2027-01-01T04:00:00Z"))
            .processorFee(ProcessorFee.card(USD, FeePayer.PLATFORM))
            .rule(fiveTiers("default", FeeMatch.ANY).minimum(Money.of("10.00", USD)));
    String[] plans = {"PRO", "BASIC", "TEAM", "STARTER"};
    String[] categories = {"electrical", "plumbing", "hvac", "roofing", "painting"};
    int rules = 1;
    for (String plan : plans) {
      schedule.rule(fiveTiers("plan-" + plan, FeeMatch.plan(plan)));
      rules++;
    }
    for (String category : categories) {
      schedule.rule(fiveTiers("category-" + category, FeeMatch.category(category)));
      rules++;
    }
    for (int i = 0; rules < 20; i++, rules++) {
      schedule.rule(
          fiveTiers("contract-" + i, FeeMatch.pro(ProId.of("p-" + i)))
              .maximum(Money.of("500.00", USD)));
    }
    resolver = FeeResolver.of(schedule.build());
    long[] cents = {75_000, 1_234_56, 3_000_00, 12_500_00, 48_000_00, 99_99, 7_250_00, 60_000_00};
    queries = new FeeQuery[cents.length];
    amounts = new Money[cents.length];
    for (int i = 0; i < cents.length; i++) {
      amounts[i] = Money.ofMinor(cents[i], USD);
      FeeQuery query = FeeQuery.of(amounts[i], AT);
      // Mix queries that fall back to the default with ones that hit a plan or category rule.
      if (i % 3 == 1) {
        query = query.withPlan(plans[i % plans.length]);
      } else if (i % 3 == 2) {
        query = query.withCategory(categories[i % categories.length]);
      }
      queries[i] = query;
    }
  }

  private static FeeRule.Builder fiveTiers(String name, FeeMatch match) {
    return FeeRule.builder(name, USD)
        .match(match)
        .method(FeeMethod.MARGINAL)
        .tier(Money.of("1000.00", USD), Rate.parse("9"))
        .tier(Money.of("2500.00", USD), Rate.parse("7.5"))
        .tier(Money.of("10000.00", USD), Rate.parse("4.5"))
        .tier(Money.of("50000.00", USD), Rate.parse("1.5"))
        .lastTier(Rate.parse("0.5"));
  }

  /** The fee engine: rule precedence, 5 marginal tiers, limits, processor fee, explanation. */
  @Benchmark
  public FeeQuote quote() {
    FeeQuery query = queries[next++ & 7];
    return resolver.quote(query);
  }

  /** The floor: one fixed 7.5% of the amount, in long arithmetic, rounded half up. */
  @Benchmark
  public long baselineFixedPercentLong() {
    long minor = amounts[next++ & 7].minorUnits();
    return (minor * 750 + 5_000) / 10_000;
  }

  /** The same fixed percentage through Money and Rate (one BigDecimal multiply and rounding). */
  @Benchmark
  public Money baselineFixedPercentMoney() {
    return amounts[next++ & 7].multiply(FLAT, RoundingMode.HALF_UP);
  }
}
