package dev.oficio.benchmarks;

import dev.oficio.reliability.Ranker;
import dev.oficio.reliability.Ranking;
import dev.oficio.reliability.ReliabilityCounters;
import dev.oficio.reliability.ReliabilityEvent;
import dev.oficio.reliability.ReliabilityModel;
import dev.oficio.reliability.ReliabilityScore;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reliability targets of issue #8: apply one event (&lt; 100 ns), score one pro (&lt; 1 µs),
 * rank the top 20 of 100,000 candidates (&lt; 20 ms), next to a baseline measured in the same run:
 * sorting 100,000 precomputed doubles.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar Reliability -f 1 -wi 3 -i 5}
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class ReliabilityBenchmark {
  private static final ReliabilityModel MODEL = ReliabilityModel.defaults();
  private static final ProId PRO = ProId.of("p-17");
  private static final Instant START = Instant.parse("2027-01-04T12:00:00Z");
  private static final int CANDIDATES = 100_000;

  /** A realistic mix of one pro's events, one hour apart. */
  static ReliabilityEvent[] events(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ReliabilityEvent[] events = new ReliabilityEvent[n];
    for (int i = 0; i < n; i++) {
      Instant at = START.plus(Duration.ofHours(i));
      int kind = random.nextInt(100);
      events[i] =
          kind < 35
              ? new ReliabilityEvent.JobCompleted(PRO, at, random.nextInt(10) == 0 ? 30 : 0)
              : kind < 65
                  ? new ReliabilityEvent.Rated(PRO, at, 1 + random.nextInt(5))
                  : kind < 80
                      ? new ReliabilityEvent.LeadResponded(PRO, at, random.nextInt(480))
                      : kind < 90
                          ? new ReliabilityEvent.LeadOffered(PRO, at)
                          : kind < 94
                              ? new ReliabilityEvent.LeadIgnored(PRO, at)
                              : kind < 97
                                  ? new ReliabilityEvent.ProCancelled(PRO, at, random.nextInt(96))
                                  : kind < 99
                                      ? new ReliabilityEvent.CustomerNoShow(PRO, at)
                                      : new ReliabilityEvent.ProNoShow(PRO, at);
    }
    return events;
  }

  /** Counters and a long stream of in-order events to apply. */
  @State(Scope.Thread)
  public static class ApplyState {
    ReliabilityEvent[] events;
    ReliabilityCounters counters;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      events = events(1 << 16, 17);
      counters = MODEL.newCounters(PRO);
      next = 0;
    }

    ReliabilityEvent nextEvent() {
      if (next == events.length) {
        // Time only moves forward: start a fresh pro once the stream is used up (every 65,536).
        counters = MODEL.newCounters(PRO);
        next = 0;
      }
      return events[next++];
    }
  }

  /** A pro with 1,000 events behind them. */
  @State(Scope.Thread)
  public static class ScoreState {
    ReliabilityCounters counters;
    Instant at;

    @Setup(Level.Trial)
    public void setUp() {
      ReliabilityEvent[] events = events(1_000, 23);
      counters = MODEL.newCounters(PRO);
      for (ReliabilityEvent e : events) {
        counters.apply(e);
      }
      at = events[events.length - 1].at().plus(Duration.ofDays(3));
    }
  }

  /** 100,000 candidate pros, and the same number of precomputed doubles for the baseline. */
  @State(Scope.Benchmark)
  public static class RankState {
    List<Ranker.Candidate> candidates;
    Money reference;
    Ranker ranker;
    double[] doubles;

    @Setup(Level.Trial)
    public void setUp() {
      SplittableRandom random = new SplittableRandom(42);
      Currency usd = Currency.getInstance("USD");
      candidates = new ArrayList<>(CANDIDATES);
      doubles = new double[CANDIDATES];
      for (int i = 0; i < CANDIDATES; i++) {
        candidates.add(
            new Ranker.Candidate(
                ProId.of("p-" + i),
                40 + random.nextDouble() * 60,
                1 + random.nextDouble() * 4,
                random.nextInt(120),
                Money.ofMinor(10_000 + random.nextInt(40_000), usd),
                random.nextInt(4) / 3.0));
        doubles[i] = random.nextDouble();
      }
      reference = Money.ofMinor(25_000, usd);
      ranker = Ranker.defaults();
    }
  }

  /** Folds one event into a pro's counters. Target: under 100 ns. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public ReliabilityCounters applyOneEvent(ApplyState state) {
    ReliabilityEvent event = state.nextEvent();
    state.counters.apply(event);
    return state.counters;
  }

  /** Scores one pro with the full drill-down. Target: under 1 µs. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public ReliabilityScore scoreOnePro(ScoreState state) {
    return state.counters.score(state.at);
  }

  /** Ranks 100,000 candidates and keeps the top 20. Target: under 20 ms. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Ranking rankTop20Of100k(RankState state) {
    return state.ranker.rank(state.candidates, state.reference, 20);
  }

  /** Baseline: sorting 100,000 precomputed doubles (a copy each time). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[] baselineSort100kDoubles(RankState state) {
    double[] copy = state.doubles.clone();
    Arrays.sort(copy);
    return copy;
  }
}
