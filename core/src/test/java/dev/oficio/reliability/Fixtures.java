package dev.oficio.reliability;

import dev.oficio.shared.ProId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small event builders for the reliability tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2027-03-02T19:00:00Z");
  static final ReliabilityModel MODEL = ReliabilityModel.defaults();

  private Fixtures() {}

  static ProId pro(String id) {
    return ProId.of(id);
  }

  static Instant daysAfter(long days) {
    return T0.plus(Duration.ofDays(days));
  }

  /** {@code n} copies of an event built by {@code factory}, all at {@code at}. */
  static List<ReliabilityEvent> times(
      int n, java.util.function.Supplier<ReliabilityEvent> factory) {
    List<ReliabilityEvent> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(factory.get());
    }
    return list;
  }

  static ReliabilityCounters counters(ProId pro, List<ReliabilityEvent> events) {
    ReliabilityCounters counters = MODEL.newCounters(pro);
    events.forEach(counters::apply);
    return counters;
  }
}
