package dev.oficio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.persistence.ScheduledTimer.Status;
import dev.oficio.shared.OficioException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every {@link Timers} store meets (published in core's test-jar). */
public abstract class TimersContractTest {
  /** For subclasses that bind the contract to an implementation. */
  protected TimersContractTest() {}

  protected static final Instant T0 = Instant.parse("2026-12-04T15:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);
  private Timers timers;

  /** A new, empty store. */
  protected abstract Timers newTimers();

  /** The unit-of-work runner the store needs; in-memory by default. */
  protected TransactionRunner transactions() {
    return TransactionRunner.inMemory();
  }

  @BeforeEach
  void createTimers() {
    timers = newTimers();
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().inTransaction(work);
  }

  private boolean schedule(String key, Instant dueAt) {
    return tx(() -> timers.schedule(new TimerRequest(key, "test.kind", dueAt, "payload-" + key)));
  }

  @Test
  void schedulingTheSameKeyTwiceKeepsTheFirstTimer() {
    assertThat(schedule("hold-expiry:pay-1", T0)).isTrue();
    assertThat(schedule("hold-expiry:pay-1", T0.plusSeconds(60))).isFalse();
    ScheduledTimer timer = tx(() -> timers.find("hold-expiry:pay-1")).orElseThrow();
    assertThat(timer.dueAt()).isEqualTo(T0);
    assertThat(timer.status()).isEqualTo(Status.PENDING);
    assertThat(timer.payload()).isEqualTo("payload-hold-expiry:pay-1");
    assertThat(timer.kind()).isEqualTo("test.kind");
  }

  @Test
  void claimsOnlyDueTimersInDueOrder() {
    schedule("b", T0.plusSeconds(10));
    schedule("a", T0);
    schedule("later", T0.plusSeconds(3600));
    List<ScheduledTimer> claimed = tx(() -> timers.claimDue(T0.plusSeconds(10), 10, LEASE));
    assertThat(claimed).extracting(ScheduledTimer::key).containsExactly("a", "b");
    assertThat(claimed).allMatch(t -> t.status() == Status.CLAIMED);
    // Claimed timers are hidden from other runners while the lease holds.
    assertThat(tx(() -> timers.claimDue(T0.plusSeconds(11), 10, LEASE))).isEmpty();
  }

  @Test
  void anExpiredLeaseMakesATimerClaimableAgain() {
    schedule("a", T0);
    tx(() -> timers.claimDue(T0, 10, LEASE));
    assertThat(tx(() -> timers.claimDue(T0.plus(LEASE).plusSeconds(1), 10, LEASE)))
        .extracting(ScheduledTimer::key)
        .containsExactly("a");
  }

  @Test
  void completedTimersNeverFireAgain() {
    schedule("a", T0);
    tx(() -> timers.claimDue(T0, 10, LEASE));
    transactions().run(() -> timers.complete("a"));
    assertThat(tx(() -> timers.find("a")).orElseThrow().status()).isEqualTo(Status.DONE);
    assertThat(tx(() -> timers.claimDue(T0.plusSeconds(86_400), 10, LEASE))).isEmpty();
  }

  @Test
  void retryLaterCountsTheAttemptAndReschedules() {
    schedule("a", T0);
    tx(() -> timers.claimDue(T0, 10, LEASE));
    transactions().run(() -> timers.retryLater("a", T0.plusSeconds(60), "boom"));
    ScheduledTimer timer = tx(() -> timers.find("a")).orElseThrow();
    assertThat(timer.status()).isEqualTo(Status.PENDING);
    assertThat(timer.attempts()).isEqualTo(1);
    assertThat(timer.lastError()).isEqualTo("boom");
    assertThat(timer.dueAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(tx(() -> timers.claimDue(T0.plusSeconds(59), 10, LEASE))).isEmpty();
    assertThat(tx(() -> timers.claimDue(T0.plusSeconds(60), 10, LEASE))).hasSize(1);
  }

  @Test
  void failedTimersStayForAnOperator() {
    schedule("a", T0);
    tx(() -> timers.claimDue(T0, 10, LEASE));
    transactions().run(() -> timers.fail("a", "gave up"));
    ScheduledTimer timer = tx(() -> timers.find("a")).orElseThrow();
    assertThat(timer.status()).isEqualTo(Status.FAILED);
    assertThat(timer.attempts()).isEqualTo(1);
    assertThat(tx(() -> timers.claimDue(T0.plusSeconds(86_400), 10, LEASE))).isEmpty();
  }

  @Test
  void cancelledTimersDoNotFire() {
    schedule("a", T0);
    assertThat(tx(() -> timers.cancel("a"))).isTrue();
    assertThat(tx(() -> timers.cancel("a"))).isFalse();
    assertThat(tx(() -> timers.cancel("missing"))).isFalse();
    assertThat(tx(() -> timers.claimDue(T0, 10, LEASE))).isEmpty();
  }

  @Test
  void settlingATimerThatIsNotClaimedIsATypedError() {
    schedule("a", T0);
    assertThatThrownBy(() -> transactions().run(() -> timers.complete("a")))
        .isInstanceOf(OficioException.class);
    assertThatThrownBy(() -> transactions().run(() -> timers.complete("missing")))
        .isInstanceOf(OficioException.class);
  }

  @Test
  void concurrentClaimersNeverClaimTheSameTimer() throws Exception {
    int count = 200;
    transactions()
        .run(
            () -> {
              for (int i = 0; i < count; i++) {
                timers.schedule(new TimerRequest("t-" + i, "test.kind", T0, ""));
              }
            });
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> claimers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        claimers.add(
            () -> {
              while (true) {
                List<ScheduledTimer> batch = tx(() -> timers.claimDue(T0, 7, LEASE));
                if (batch.isEmpty()) {
                  return null;
                }
                batch.forEach(t -> claimed.add(t.key()));
              }
            });
      }
      for (Future<Void> f : pool.invokeAll(claimers)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(claimed).hasSize(count).doesNotHaveDuplicates();
  }
}
