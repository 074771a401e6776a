package dev.oficio.payments;

import dev.oficio.persistence.TimerHandler;
import dev.oficio.persistence.TimerRequest;
import dev.oficio.persistence.Timers;
import dev.oficio.shared.IdempotencyKey;
import dev.oficio.shared.PaymentId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles open (PENDING or UNKNOWN) transactions: each one older than the service's {@code
 * settleAfter} is looked up at the provider. A final answer settles it (ledger entries included);
 * "the provider has no record" ({@link GatewayOutcome.Declined#isNotFound()}) re-sends the call
 * with the same idempotency key, so a call lost before it reached the provider still happens once;
 * anything else schedules another look-up with a doubling backoff. After {@code maxAttempts}
 * look-ups a {@link PaymentEvent.NeedsOperator} event goes to the outbox; the transaction keeps
 * being checked at the longest backoff and is never dropped.
 *
 * <p>Hosts call {@link #run()} from their scheduler; the gateway is called outside any unit of
 * work. Thread-safe; several instances may run it at once (a transaction settles once).
 */
public final class Janitor {
  private static final Logger LOG = LoggerFactory.getLogger(Janitor.class);
  private static final Duration MAX_BACKOFF = Duration.ofDays(1);

  private final PaymentService service;
  private final Duration baseBackoff;
  private final int maxAttempts;
  private final int batchSize;

  Janitor(PaymentService service, Duration baseBackoff, int maxAttempts, int batchSize) {
    this.service = service;
    this.baseBackoff = baseBackoff;
    this.maxAttempts = maxAttempts;
    this.batchSize = batchSize;
  }

  /**
   * What one {@link #run()} did.
   *
   * @param checked open transactions looked at
   * @param settled of which settled (succeeded or declined)
   * @param retried of which left open for a later look-up
   * @param escalated of which newly flagged for an operator
   */
  public record Report(int checked, int settled, int retried, int escalated) {}

  /** Timer kind of the recurring janitor run. */
  public static final String TIMER = "payments.janitor";

  /**
   * A handler of {@link #TIMER} timers that runs the janitor and schedules the next run {@code
   * every} later; register it with {@link
   * dev.oficio.persistence.TimerRunner.Builder#handlerOutsideTransaction} (it calls the gateway).
   */
  public TimerHandler timerHandler(Timers timers, Duration every) {
    return timer -> {
      run();
      schedule(timers, every);
    };
  }

  /**
   * Schedules the next janitor run {@code every} from now. The key names the due second, so hosts
   * scheduling at the same time do not double it.
   */
  public void schedule(Timers timers, Duration every) {
    Instant due = service.clock().instant().plus(every);
    service
        .transactions()
        .run(
            () ->
                timers.schedule(
                    new TimerRequest(TIMER + ":" + due.getEpochSecond(), TIMER, due, "")));
  }

  /** Looks up every due open transaction once. */
  public Report run() {
    int checked = 0;
    int settled = 0;
    int retried = 0;
    int escalated = 0;
    Set<IdempotencyKey> seen = new HashSet<>();
    while (true) {
      Instant now = service.clock().instant();
      List<Payment> due =
          service.transactions().inTransaction(() -> service.payments().findDue(now, batchSize));
      boolean progressed = false;
      for (Payment p : due) {
        for (PaymentTransaction t : p.openTransactions()) {
          if (t.nextCheckAt().isAfter(now) || !seen.add(t.idempotencyKey())) {
            continue;
          }
          progressed = true;
          checked++;
          Result result;
          try {
            result = check(p, t, now);
          } catch (RuntimeException e) {
            // One broken transaction must not stop the others; it is looked at again later.
            LOG.error(
                "janitor failed on payment {} {}: {}", p.id(), t.idempotencyKey(), e.toString());
            service.recordCheck(
                p.id(),
                t.idempotencyKey(),
                now.plus(backoff(t.attempts() + 1)),
                maxAttempts,
                e.toString());
            result = Result.RETRIED;
          }
          switch (result) {
            case SETTLED -> settled++;
            case RETRIED -> retried++;
            case ESCALATED -> {
              retried++;
              escalated++;
            }
          }
        }
      }
      if (!progressed) {
        return new Report(checked, settled, retried, escalated);
      }
    }
  }

  private enum Result {
    SETTLED,
    RETRIED,
    ESCALATED
  }

  private Result check(Payment p, PaymentTransaction t, Instant now) {
    PaymentId id = p.id();
    GatewayOutcome outcome = service.lookup(p, t);
    if (outcome instanceof GatewayOutcome.Declined d && d.isNotFound()) {
      LOG.info("payment {} {}: provider has no record, re-sending", id, t.idempotencyKey());
      outcome = service.call(p, t);
    }
    if (outcome instanceof GatewayOutcome.Succeeded || outcome instanceof GatewayOutcome.Declined) {
      PaymentTransaction settled = service.record(id, t.idempotencyKey(), outcome);
      if (settled.status().isFinal()) {
        return Result.SETTLED;
      }
    }
    int attempts = t.attempts() + 1;
    String reason =
        outcome instanceof GatewayOutcome.Unknown u
            ? u.cause()
            : outcome instanceof GatewayOutcome.Succeeded s
                ? "provider moved " + s.amount() + ", expected " + t.amount()
                : "still pending at the provider";
    service.recordCheck(id, t.idempotencyKey(), now.plus(backoff(attempts)), maxAttempts, reason);
    return attempts == maxAttempts && !t.escalated() ? Result.ESCALATED : Result.RETRIED;
  }

  private Duration backoff(int attempts) {
    Duration delay = baseBackoff;
    for (int i = 1; i < attempts && delay.compareTo(MAX_BACKOFF) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }
}
