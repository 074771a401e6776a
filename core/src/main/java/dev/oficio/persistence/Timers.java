package dev.oficio.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: durable timers. Hosts do not call it directly; services schedule timers and {@link
 * TimerRunner#runDue()} fires them. The JDBC implementation claims due rows with {@code FOR UPDATE
 * SKIP LOCKED}, so several host instances may run timers at once and each timer fires once.
 *
 * <p>Implementations are thread-safe.
 */
public interface Timers {

  /**
   * Schedules a timer.
   *
   * @return false when a timer with this key already exists (in any status); it is left unchanged
   */
  boolean schedule(TimerRequest request);

  /**
   * Cancels a pending timer.
   *
   * @return true if it was pending or claimed and is now cancelled
   */
  boolean cancel(String key);

  /**
   * Claims up to {@code max} timers due at {@code now}: pending ones whose {@code dueAt} has
   * passed, and claimed ones whose lease expired (their runner died). Claimed timers are invisible
   * to other runners until {@code now + lease}.
   */
  List<ScheduledTimer> claimDue(Instant now, int max, Duration lease);

  /** Marks a claimed timer done. */
  void complete(String key);

  /** Puts a claimed timer back to pending, due at {@code dueAt}, counting one failed attempt. */
  void retryLater(String key, Instant dueAt, String error);

  /** Marks a claimed timer failed for good, counting one failed attempt. */
  void fail(String key, String error);

  /** The timer with this key, if any. */
  Optional<ScheduledTimer> find(String key);
}
