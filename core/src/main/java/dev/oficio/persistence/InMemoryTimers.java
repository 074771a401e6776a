package dev.oficio.persistence;

import dev.oficio.persistence.ScheduledTimer.Status;
import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Timers} in memory. Thread-safe. */
public final class InMemoryTimers implements Timers {
  private final Map<String, ScheduledTimer> timers = new LinkedHashMap<>();
  private final Map<String, Instant> leases = new HashMap<>();

  /** No timers. */
  public InMemoryTimers() {}

  @Override
  public synchronized boolean schedule(TimerRequest request) {
    if (request == null) {
      throw ValidationException.of("request", "must not be null");
    }
    if (timers.containsKey(request.key())) {
      return false;
    }
    timers.put(
        request.key(),
        new ScheduledTimer(
            request.key(),
            request.kind(),
            request.dueAt(),
            request.payload(),
            Status.PENDING,
            0,
            null));
    return true;
  }

  @Override
  public synchronized boolean cancel(String key) {
    ScheduledTimer timer = timers.get(key);
    if (timer == null || (timer.status() != Status.PENDING && timer.status() != Status.CLAIMED)) {
      return false;
    }
    put(timer, Status.CANCELLED, timer.dueAt(), timer.attempts(), timer.lastError());
    return true;
  }

  @Override
  public synchronized List<ScheduledTimer> claimDue(Instant now, int max, Duration lease) {
    if (max <= 0) {
      throw ValidationException.of("max", "must be positive, was " + max);
    }
    List<ScheduledTimer> due = new ArrayList<>();
    timers.values().stream()
        .filter(
            t ->
                (t.status() == Status.PENDING && !t.dueAt().isAfter(now))
                    || (t.status() == Status.CLAIMED && !leases.get(t.key()).isAfter(now)))
        .sorted(Comparator.comparing(ScheduledTimer::dueAt).thenComparing(ScheduledTimer::key))
        .limit(max)
        .forEach(due::add);
    List<ScheduledTimer> claimed = new ArrayList<>(due.size());
    for (ScheduledTimer t : due) {
      claimed.add(put(t, Status.CLAIMED, t.dueAt(), t.attempts(), t.lastError()));
      leases.put(t.key(), now.plus(lease));
    }
    return claimed;
  }

  @Override
  public synchronized void complete(String key) {
    ScheduledTimer t = claimed(key);
    put(t, Status.DONE, t.dueAt(), t.attempts(), t.lastError());
  }

  @Override
  public synchronized void retryLater(String key, Instant dueAt, String error) {
    ScheduledTimer t = claimed(key);
    put(t, Status.PENDING, dueAt, t.attempts() + 1, error);
  }

  @Override
  public synchronized void fail(String key, String error) {
    ScheduledTimer t = claimed(key);
    put(t, Status.FAILED, t.dueAt(), t.attempts() + 1, error);
  }

  @Override
  public synchronized Optional<ScheduledTimer> find(String key) {
    return Optional.ofNullable(timers.get(key));
  }

  private ScheduledTimer claimed(String key) {
    ScheduledTimer t = timers.get(key);
    if (t == null) {
      throw new NotFoundException("timer", key);
    }
    if (t.status() != Status.CLAIMED) {
      throw new IllegalTransitionException("Timer", t.status(), "settle");
    }
    return t;
  }

  private ScheduledTimer put(
      ScheduledTimer t, Status status, Instant dueAt, int attempts, String error) {
    ScheduledTimer updated =
        new ScheduledTimer(t.key(), t.kind(), dueAt, t.payload(), status, attempts, error);
    timers.put(t.key(), updated);
    if (status != Status.CLAIMED) {
      leases.remove(t.key());
    }
    return updated;
  }
}
