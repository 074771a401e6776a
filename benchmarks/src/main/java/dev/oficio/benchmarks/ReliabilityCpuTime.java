package dev.oficio.benchmarks;

import dev.oficio.reliability.ReliabilityCounters;
import dev.oficio.reliability.ReliabilityEvent;
import dev.oficio.reliability.ReliabilityModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A rough cross-check of {@link ReliabilityBenchmark} for shared machines: the same work timed by
 * the thread's CPU time instead of wall-clock time, so time spent descheduled by other processes
 * does not count (cache and core sharing still do). Not a substitute for JMH on an idle machine.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.oficio.benchmarks.ReliabilityCpuTime}
 */
public final class ReliabilityCpuTime {
  private ReliabilityCpuTime() {}

  /** Prints eight rounds of CPU time per apply, score, top-20 rank and 100,000-double sort. */
  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ReliabilityModel model = ReliabilityModel.defaults();
    ReliabilityEvent[] events = ReliabilityBenchmark.events(1 << 16, 17);
    SplittableRandom random = new SplittableRandom(5);
    double[] doubles = new double[100_000];
    for (int i = 0; i < doubles.length; i++) {
      doubles[i] = random.nextDouble();
    }
    ReliabilityBenchmark.RankState ranking = new ReliabilityBenchmark.RankState();
    ranking.setUp();
    double sink = 0;
    for (int round = 0; round < 8; round++) {
      long c0 = threads.getCurrentThreadCpuTime();
      for (int rep = 0; rep < 100; rep++) {
        ReliabilityCounters counters = model.newCounters(events[0].pro());
        for (ReliabilityEvent event : events) {
          counters.apply(event);
        }
        sink += counters.eventCount();
      }
      long c1 = threads.getCurrentThreadCpuTime();
      ReliabilityCounters counters = model.newCounters(events[0].pro());
      for (int i = 0; i < 1_000; i++) {
        counters.apply(events[i]);
      }
      Instant at = events[999].at().plus(Duration.ofDays(3));
      long c2 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < 1_000_000; i++) {
        sink += counters.score(at).score();
      }
      long c3 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < 50; i++) {
        double[] copy = doubles.clone();
        Arrays.sort(copy);
        sink += copy[0];
      }
      long c4 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < 50; i++) {
        sink += ranking.ranker.rank(ranking.candidates, ranking.reference, 20).candidateCount();
      }
      long c5 = threads.getCurrentThreadCpuTime();
      System.out.printf(
          Locale.ROOT,
          "round %d: apply %.1f ns, score %.1f ns, rank top 20 of 100k %.2f ms,"
              + " sort 100k doubles %.2f ms (CPU time)%n",
          round + 1,
          (c1 - c0) / (100.0 * events.length),
          (c3 - c2) / 1e6,
          (c5 - c4) / 50e6,
          (c4 - c3) / 50e6);
    }
    System.out.println(sink > 0 ? "done" : "done.");
  }
}
