package dev.oficio.persistence;

import dev.oficio.shared.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers. Hosts call {@link #runDue()} from their scheduler (every few seconds); any
 * number of host instances may call it at once against the same {@link Timers}.
 *
 * <p>A failing handler is retried with exponential backoff (base delay doubled per attempt, capped
 * at one day); after {@code maxAttempts} the timer is marked {@link ScheduledTimer.Status#FAILED}
 * and logged for an operator, never dropped silently. Thread-safe.
 */
public final class TimerRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TimerRunner.class);
  private static final Duration MAX_BACKOFF = Duration.ofDays(1);

  private final Timers timers;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final Map<String, TimerHandler> handlers;
  private final Set<String> outsideTransaction;
  private final int maxAttempts;
  private final Duration baseBackoff;
  private final Duration lease;
  private final int batchSize;

  private TimerRunner(Builder b) {
    this.timers = b.timers;
    this.transactions = b.transactions;
    this.clock = b.clock;
    this.handlers = Map.copyOf(b.handlers);
    this.outsideTransaction = Set.copyOf(b.outsideTransaction);
    this.maxAttempts = b.maxAttempts;
    this.baseBackoff = b.baseBackoff;
    this.lease = b.lease;
    this.batchSize = b.batchSize;
  }

  /** A runner over {@code timers}; register handlers with {@link Builder#handler}. */
  public static Builder builder(Timers timers, TransactionRunner transactions, Clock clock) {
    return new Builder(timers, transactions, clock);
  }

  /** The outcome of one {@link #runDue()} pass. */
  public record Report(int fired, int retried, int failed) {
    /** Timers claimed in the pass. */
    public int claimed() {
      return fired + retried + failed;
    }
  }

  /** Claims the due timers and runs their handlers, until none are due. */
  public Report runDue() {
    int fired = 0;
    int retried = 0;
    int failed = 0;
    while (true) {
      Instant now = clock.instant();
      List<ScheduledTimer> batch =
          transactions.inTransaction(() -> timers.claimDue(now, batchSize, lease));
      if (batch.isEmpty()) {
        return new Report(fired, retried, failed);
      }
      for (ScheduledTimer timer : batch) {
        switch (fire(timer)) {
          case FIRED -> fired++;
          case RETRIED -> retried++;
          case FAILED -> failed++;
        }
      }
    }
  }

  private enum Result {
    FIRED,
    RETRIED,
    FAILED
  }

  private Result fire(ScheduledTimer timer) {
    TimerHandler handler = handlers.get(timer.kind());
    if (handler == null) {
      transactions.run(() -> timers.fail(timer.key(), "no handler for kind " + timer.kind()));
      LOG.error("timer {} failed: no handler registered for kind {}", timer.key(), timer.kind());
      return Result.FAILED;
    }
    try {
      if (outsideTransaction.contains(timer.kind())) {
        // The handler calls out (e.g. a payment gateway): never inside a unit of work. It must be
        // idempotent, because a crash before complete() runs it again after the lease.
        handler.handle(timer);
        transactions.run(() -> timers.complete(timer.key()));
      } else {
        transactions.run(
            () -> {
              handler.handle(timer);
              timers.complete(timer.key());
            });
      }
      return Result.FIRED;
    } catch (RuntimeException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      int attempts = timer.attempts() + 1;
      if (attempts >= maxAttempts) {
        transactions.run(() -> timers.fail(timer.key(), error));
        LOG.error("timer {} failed after {} attempts: {}", timer.key(), attempts, error);
        return Result.FAILED;
      }
      Instant retryAt = clock.instant().plus(backoff(attempts));
      transactions.run(() -> timers.retryLater(timer.key(), retryAt, error));
      LOG.warn(
          "timer {} attempt {} failed, retrying at {}: {}", timer.key(), attempts, retryAt, error);
      return Result.RETRIED;
    }
  }

  private Duration backoff(int attempts) {
    Duration delay = baseBackoff;
    for (int i = 1; i < attempts && delay.compareTo(MAX_BACKOFF) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  /** Settings of a {@link TimerRunner}. Not thread-safe. */
  public static final class Builder {
    private final Timers timers;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final Map<String, TimerHandler> handlers = new HashMap<>();
    private final Set<String> outsideTransaction = new HashSet<>();
    private int maxAttempts = 8;
    private Duration baseBackoff = Duration.ofMinutes(1);
    private Duration lease = Duration.ofMinutes(5);
    private int batchSize = 100;

    private Builder(Timers timers, TransactionRunner transactions, Clock clock) {
      if (timers == null || transactions == null || clock == null) {
        throw ValidationException.of("timerRunner", "timers, transactions and clock are required");
      }
      this.timers = timers;
      this.transactions = transactions;
      this.clock = clock;
    }

    /** Runs timers of {@code kind} with {@code handler}; one handler per kind. */
    public Builder handler(String kind, TimerHandler handler) {
      if (kind == null || handler == null) {
        throw ValidationException.of("handler", "kind and handler are required");
      }
      if (handlers.putIfAbsent(kind, handler) != null) {
        throw ValidationException.of("handler", "a handler for kind " + kind + " is already set");
      }
      return this;
    }

    /**
     * Runs timers of {@code kind} with {@code handler} outside any unit of work, for handlers that
     * call a provider (a payment gateway must never be called inside one). The handler manages its
     * own units of work and must be idempotent: a crash before the timer is marked done runs it
     * again after the lease.
     */
    public Builder handlerOutsideTransaction(String kind, TimerHandler handler) {
      handler(kind, handler);
      outsideTransaction.add(kind);
      return this;
    }

    /** Attempts before a timer is marked failed (default 8). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw ValidationException.of("maxAttempts", "must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Delay before the first retry, doubled for each later one (default 1 minute). */
    public Builder baseBackoff(Duration baseBackoff) {
      if (baseBackoff == null || baseBackoff.isNegative() || baseBackoff.isZero()) {
        throw ValidationException.of("baseBackoff", "must be positive");
      }
      this.baseBackoff = baseBackoff;
      return this;
    }

    /** How long a claim hides a timer from other runners (default 5 minutes). */
    public Builder lease(Duration lease) {
      if (lease == null || lease.isNegative() || lease.isZero()) {
        throw ValidationException.of("lease", "must be positive");
      }
      this.lease = lease;
      return this;
    }

    /** Timers claimed per round trip (default 100). */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw ValidationException.of("batchSize", "must be at least 1");
      }
      this.batchSize = batchSize;
      return this;
    }

    /** The runner. */
    public TimerRunner build() {
      return new TimerRunner(this);
    }
  }
}
