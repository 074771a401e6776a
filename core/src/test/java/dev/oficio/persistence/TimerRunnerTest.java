package dev.oficio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.persistence.ScheduledTimer.Status;
import dev.oficio.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimerRunnerTest {
  private static final Instant T0 = Instant.parse("2026-12-04T15:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final Timers timers = new InMemoryTimers();
  private final TransactionRunner tx = TransactionRunner.inMemory();

  @Test
  void firesDueTimersOnceAndLeavesFutureOnes() {
    List<String> fired = new ArrayList<>();
    TimerRunner runner =
        TimerRunner.builder(timers, tx, clock).handler("ping", t -> fired.add(t.payload())).build();
    timers.schedule(new TimerRequest("a", "ping", T0, "A"));
    timers.schedule(new TimerRequest("b", "ping", T0.plusSeconds(60), "B"));

    assertThat(runner.runDue()).isEqualTo(new TimerRunner.Report(1, 0, 0));
    assertThat(runner.runDue().claimed()).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(runner.runDue().fired()).isEqualTo(1);
    assertThat(fired).containsExactly("A", "B");
    assertThat(timers.find("a").orElseThrow().status()).isEqualTo(Status.DONE);
  }

  @Test
  void retriesWithDoublingBackoffThenFailsForAnOperator() {
    AtomicInteger calls = new AtomicInteger();
    TimerRunner runner =
        TimerRunner.builder(timers, tx, clock)
            .handler(
                "flaky",
                t -> {
                  calls.incrementAndGet();
                  throw new IllegalStateException("provider down");
                })
            .maxAttempts(3)
            .baseBackoff(Duration.ofMinutes(1))
            .build();
    timers.schedule(new TimerRequest("f", "flaky", T0, ""));

    assertThat(runner.runDue().retried()).isEqualTo(1);
    assertThat(timers.find("f").orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(60));
    clock.advance(Duration.ofMinutes(1));
    assertThat(runner.runDue().retried()).isEqualTo(1);
    // Second retry waits twice as long.
    assertThat(timers.find("f").orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(60 + 120));
    clock.advance(Duration.ofMinutes(2));
    assertThat(runner.runDue().failed()).isEqualTo(1);

    ScheduledTimer failed = timers.find("f").orElseThrow();
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).contains("provider down");
    assertThat(calls).hasValue(3);
    clock.advance(Duration.ofDays(2));
    assertThat(runner.runDue().claimed()).isZero();
  }

  @Test
  void aTimerWithoutAHandlerFailsVisibly() {
    TimerRunner runner = TimerRunner.builder(timers, tx, clock).build();
    timers.schedule(new TimerRequest("x", "unknown.kind", T0, ""));
    assertThat(runner.runDue().failed()).isEqualTo(1);
    assertThat(timers.find("x").orElseThrow().lastError()).contains("unknown.kind");
  }
}
