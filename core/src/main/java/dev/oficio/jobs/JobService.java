package dev.oficio.jobs;

import dev.oficio.fees.FeeQuery;
import dev.oficio.fees.FeeQuote;
import dev.oficio.fees.FeeResolver;
import dev.oficio.fees.RefundQuote;
import dev.oficio.payments.GatewayCapabilities;
import dev.oficio.payments.HoldExpiryPolicy;
import dev.oficio.payments.Payment;
import dev.oficio.payments.PaymentService;
import dev.oficio.payments.PaymentStatus;
import dev.oficio.payments.PaymentTransaction;
import dev.oficio.payments.TransactionKind;
import dev.oficio.payments.TransactionStatus;
import dev.oficio.persistence.Outbox;
import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.Rate;
import dev.oficio.shared.Validation;
import dev.oficio.shared.ValidationException;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the life of a job and moves its money through the {@link PaymentService}.
 *
 * <ul>
 *   <li>{@link #quote} freezes the {@link FeeQuote} (schedule id and version) on the job.
 *   <li>{@link #accept} secures the customer's total by the gateway's capabilities: a hold when the
 *       gateway can hold until after the scheduled start (with a safety margin), otherwise an
 *       immediate charge kept as customer funds held in the ledger.
 *   <li>{@link #complete} asks the payment to release the money (platform share = customer total −
 *       pro payout of the quote; the rest to the pro, paid by transfer where the gateway can and
 *       the pro's payouts are enabled, otherwise kept payable) and captures the hold.
 *   <li>{@link #cancel} applies the {@link CancellationPolicy}: the fee is kept (by a partial
 *       capture of the hold, or by refunding the rest of a charge) and split like the job's fees.
 *   <li>{@link #refund} refunds part of the price, reversing fees in proportion with {@link
 *       FeeResolver#refundQuote(FeeQuote, Money, Money)}; refunding everything makes the job
 *       REFUNDED. {@link #dispute} / {@link #resolveDispute} wrap it.
 * </ul>
 *
 * <p>Job transitions and their events are written in one unit of work; payment calls happen
 * outside. An answer that is not yet known (a timeout) leaves the job where it was; the janitor
 * settles the payment and this service, listening to settlements, finishes the transition. Every
 * command may be repeated. Thread-safe.
 */
public final class JobService {
  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

  private final Jobs jobs;
  private final PaymentService payments;
  private final FeeResolver fees;
  private final Outbox outbox;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final IdGenerator ids;
  private final Validation validation;
  private final CancellationPolicy cancellation;
  private final Duration holdSafetyMargin;

  private JobService(Builder b) {
    this.jobs = b.jobs;
    this.payments = b.payments;
    this.fees = b.fees;
    this.outbox = b.outbox;
    this.transactions = b.transactions;
    this.clock = b.clock;
    this.ids = b.ids;
    this.validation = b.validation;
    this.cancellation = b.cancellation;
    this.holdSafetyMargin = b.holdSafetyMargin;
    payments.addListener(this::onSettled);
  }

  /** A builder; every port is required except where a default is named. */
  public static Builder builder() {
    return new Builder();
  }

  /** The job with this id. */
  public Job get(JobId id) {
    return transactions.inTransaction(() -> load(id));
  }

  /** The jobs repository. */
  public Jobs jobs() {
    return jobs;
  }

  /** Prices a job and freezes the fee quote on it. */
  public Job quote(QuoteJob command) {
    validation.check(command);
    if (!command.amount().isPositive()) {
      throw ValidationException.of("amount", "must be positive");
    }
    Instant now = clock.instant();
    FeeQuote quote =
        fees.quote(
            FeeQuery.of(command.amount(), now)
                .withPro(command.pro())
                .withCategory(command.category())
                .withPlan(command.plan()));
    JobId id = ids.next("job", JobId::of);
    Job job =
        Job.quote(
            id,
            command.customer(),
            command.pro(),
            command.scheduledAt(),
            command.paymentMethod(),
            quote,
            now);
    return transactions.inTransaction(() -> publishAndSave(job));
  }

  /**
   * Secures the payment and accepts the job. Returns the job ACCEPTED when the provider said yes,
   * still QUOTED when it declined (a new attempt opens a new payment) or has not answered yet (the
   * janitor settles it and the job is accepted then). Repeating it is safe.
   */
  public Job accept(JobId id) {
    Job job = get(id);
    if (job.status() != JobStatus.QUOTED) {
      if (job.status() == JobStatus.CANCELLED) {
        throw new IllegalTransitionException("Job " + id, job.status(), "accept");
      }
      return job;
    }
    PaymentId paymentId =
        job.payment()
            .orElseGet(
                () -> {
                  Payment opened =
                      payments.open(
                          id.value(),
                          job.customer(),
                          job.pro(),
                          job.price().currency(),
                          job.paymentMethod());
                  return update(id, j -> j.payment().isPresent() ? j : j.attachPayment(opened.id()))
                      .payment()
                      .orElseThrow();
                });
    Payment payment = payments.get(paymentId);
    PaymentTransaction tx;
    Money total = job.quote().customerTotal();
    boolean holdExisting =
        payment.transactions().stream().anyMatch(t -> t.kind() == TransactionKind.AUTHORIZE);
    boolean chargeExisting =
        payment.transactions().stream().anyMatch(t -> t.kind() == TransactionKind.CHARGE);
    if (holdExisting || (!chargeExisting && canHold(job))) {
      tx = payments.authorize(paymentId, total);
    } else {
      tx = payments.charge(paymentId, total);
    }
    return afterSecuring(id, paymentId, tx);
  }

  /** ACCEPTED → IN_PROGRESS. */
  public Job start(JobId id) {
    return update(id, j -> j.status() == JobStatus.IN_PROGRESS ? j : j.start(clock.instant()));
  }

  /**
   * Completes the job: releases the money (platform share and pro share) and captures the hold.
   * Repeating it re-sends whatever is still open.
   */
  public Job complete(JobId id) {
    Job before = get(id);
    PaymentId paymentId =
        before
            .payment()
            .orElseThrow(
                () -> new IllegalTransitionException("Job " + id, before.status(), "complete"));
    if (before.status() == JobStatus.ACCEPTED || before.status() == JobStatus.IN_PROGRESS) {
      PaymentStatus ps = payments.get(paymentId).status();
      if (ps.isTerminal()) {
        throw new IllegalTransitionException(
            "Job " + id, before.status(), "complete: its payment is " + ps);
      }
    }
    Job job = update(id, j -> j.status() == JobStatus.COMPLETED ? j : j.complete(clock.instant()));
    Payment payment = payments.get(paymentId);
    if (payment.release().isEmpty()) {
      payments.release(paymentId, job.platformShare(), job.quote().taxOnFee(), true);
    }
    payment.openHold().ifPresent(hold -> payments.capture(paymentId, hold.amount()));
    return get(id);
  }

  /** COMPLETED → CLOSED. */
  public Job close(JobId id) {
    return update(id, j -> j.status() == JobStatus.CLOSED ? j : j.close(clock.instant()));
  }

  /**
   * Cancels the job at {@code at} by {@code by}: the policy's fee (by notice before the start, free
   * just after booking, nothing when the pro or the platform cancels) is kept and split like the
   * job's fees; the rest is voided or refunded.
   */
  public Job cancel(JobId id, CancelledBy by, Instant at) {
    if (by == null || at == null) {
      throw ValidationException.of("cancel", "by and at are required");
    }
    Job before = get(id);
    if (before.status() == JobStatus.CANCELLED) {
      return before;
    }
    Rate rate =
        before.status() == JobStatus.ACCEPTED
            ? cancellation.feeRate(
                by,
                Duration.between(at, before.scheduledAt()),
                Duration.between(before.acceptedAt().orElse(at), at))
            : Rate.ZERO;
    Money fee = before.price().multiply(rate, RoundingMode.HALF_UP);
    Job job = update(id, j -> j.cancel(by, at, fee));
    if (before.status() != JobStatus.ACCEPTED) {
      return job;
    }
    PaymentId paymentId = job.payment().orElseThrow();
    Payment payment = payments.get(paymentId);
    FeeQuote quote = job.quote();
    Money refundGross = job.price().minus(fee);
    Money customerBack = Money.zero(fee.currency());
    Money platformBack = Money.zero(fee.currency());
    Money taxBack = Money.zero(fee.currency());
    if (refundGross.isPositive()) {
      RefundQuote rq = fees.refundQuote(quote, refundGross);
      customerBack = rq.customerRefund();
      platformBack = rq.customerRefund().minus(rq.proPayoutReversed());
      taxBack = rq.taxOnFeeReversed();
    }
    Money kept = quote.customerTotal().minus(customerBack);
    Money platformKept = job.platformShare().minus(platformBack);
    Money taxKept = quote.taxOnFee().minus(taxBack);
    Optional<PaymentTransaction> hold = payment.openHold();
    if (hold.isPresent()) {
      if (!kept.isPositive()) {
        payments.voidHold(paymentId, "requested_by_customer");
      } else {
        payments.release(paymentId, platformKept, taxKept, true);
        payments.capture(paymentId, kept);
      }
    } else if (payment.status() == PaymentStatus.PAID) {
      if (customerBack.isPositive()) {
        payments.refund(paymentId, "cancel", customerBack, Money.zero(fee.currency()));
      }
      if (payment.release().isEmpty()) {
        payments.release(paymentId, platformKept, taxKept, true);
      }
    }
    return get(id);
  }

  /** COMPLETED → DISPUTED. */
  public Job dispute(JobId id, String reason) {
    return update(
        id, j -> j.status() == JobStatus.DISPUTED ? j : j.dispute(reason, clock.instant()));
  }

  /**
   * Ends a dispute: {@link DisputeResolution#PAYOUT} returns the job to COMPLETED; {@link
   * DisputeResolution#REFUND} also refunds everything not yet refunded.
   */
  public Job resolveDispute(JobId id, DisputeResolution resolution) {
    Job job = update(id, j -> j.resolveDispute(resolution, clock.instant()));
    if (resolution == DisputeResolution.REFUND && job.refundable().isPositive()) {
      return refund(id, "dispute", job.refundable());
    }
    return job;
  }

  /**
   * Refunds {@code amount} of the job's price, reversing the fees in proportion. Repeating it with
   * the same {@code refundId} refunds once.
   */
  public Job refund(JobId id, String refundId, Money amount) {
    Money[] already = new Money[1];
    Job job =
        update(
            id,
            j -> {
              if (j.pendingRefunds().containsKey(refundId)
                  || j.settledRefunds().contains(refundId)) {
                return j;
              }
              already[0] = j.price().minus(j.refundable());
              return j.requestRefund(refundId, amount);
            });
    if (job.settledRefunds().contains(refundId)) {
      return job;
    }
    PaymentId paymentId = job.payment().orElseThrow();
    Money alreadyRefunded = already[0] == null ? priorRefunded(job, refundId) : already[0];
    RefundQuote rq =
        fees.refundQuote(job.quote(), job.pendingRefunds().get(refundId), alreadyRefunded);
    PaymentTransaction tx;
    try {
      tx =
          payments.refund(
              paymentId,
              "job-" + refundId,
              rq.customerRefund(),
              rq.customerRefund().minus(rq.proPayoutReversed()));
    } catch (RuntimeException e) {
      update(id, j -> j.refundFailed(refundId));
      throw e;
    }
    return afterRefund(id, refundId, tx);
  }

  /** What the other refunds had taken before this one, for a repeated command. */
  private static Money priorRefunded(Job job, String refundId) {
    Money mine = job.pendingRefunds().get(refundId);
    return job.price().minus(job.refundable()).minus(mine);
  }

  /** The policy that captures expiring holds of jobs still going ahead and voids the others. */
  public HoldExpiryPolicy holdExpiryPolicy() {
    return payment -> {
      Optional<Job> job = findJob(payment.reference());
      if (job.isPresent()
          && job.get().payment().map(payment.id()::equals).orElse(false)
          && (job.get().status() == JobStatus.ACCEPTED
              || job.get().status() == JobStatus.IN_PROGRESS
              || job.get().status() == JobStatus.COMPLETED
              || job.get().status() == JobStatus.DISPUTED)) {
        return HoldExpiryPolicy.Decision.CAPTURE;
      }
      return HoldExpiryPolicy.Decision.VOID;
    };
  }

  // --- settlements arriving late (janitor, webhooks) ---

  private void onSettled(Payment payment, PaymentTransaction tx) {
    Optional<Job> found = findJob(payment.reference());
    if (found.isEmpty()) {
      return;
    }
    Job job = found.get();
    switch (tx.kind()) {
      case AUTHORIZE, CHARGE -> {
        boolean awaited =
            job.status() == JobStatus.QUOTED
                && job.payment().map(payment.id()::equals).orElse(false);
        if (awaited) {
          afterSecuring(job.id(), payment.id(), tx);
        } else if (tx.succeeded() && !job.payment().map(payment.id()::equals).orElse(false)
            || tx.succeeded()
                && job.status() == JobStatus.CANCELLED
                && job.acceptedAt().isEmpty()) {
          // Money secured for a job that no longer waits for it: give it back.
          LOG.warn(
              "payment {} secured after job {} moved on; releasing it", payment.id(), job.id());
          if (tx.kind() == TransactionKind.AUTHORIZE) {
            payments.voidHold(payment.id(), "abandoned");
          } else {
            payments.refund(
                payment.id(), "orphan", payment.taken(), Money.zero(payment.currency()));
          }
        }
      }
      case REFUND -> {
        String prefix = "refund:" + payment.id() + ":job-";
        String key = tx.idempotencyKey().value();
        if (key.startsWith(prefix)) {
          afterRefund(job.id(), key.substring(prefix.length()), tx);
        }
      }
      default -> {}
    }
  }

  private Job afterSecuring(JobId id, PaymentId paymentId, PaymentTransaction tx) {
    return update(
        id,
        j -> {
          if (j.status() != JobStatus.QUOTED || !j.payment().map(paymentId::equals).orElse(false)) {
            return j;
          }
          if (tx.status() == TransactionStatus.SUCCEEDED) {
            return j.accept(
                tx.kind() == TransactionKind.AUTHORIZE ? SecuredBy.HOLD : SecuredBy.CHARGE,
                clock.instant());
          }
          if (tx.status() == TransactionStatus.DECLINED) {
            return j.detachPayment();
          }
          return j;
        });
  }

  private Job afterRefund(JobId id, String refundId, PaymentTransaction tx) {
    return update(
        id,
        j -> {
          if (tx.status() == TransactionStatus.SUCCEEDED) {
            return j.refundSucceeded(refundId, tx.amount(), tx.platformFee(), clock.instant());
          }
          if (tx.status() == TransactionStatus.DECLINED) {
            return j.refundFailed(refundId);
          }
          return j;
        });
  }

  private boolean canHold(Job job) {
    GatewayCapabilities caps = payments.gateway().capabilities();
    if (!caps.holds()) {
      return false;
    }
    Instant lastUsefulCapture =
        clock.instant().plus(caps.maxHoldDuration()).minus(holdSafetyMargin);
    return !job.scheduledAt().isAfter(lastUsefulCapture);
  }

  private Optional<Job> findJob(String reference) {
    try {
      return transactions.inTransaction(() -> jobs.find(JobId.of(reference)));
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }

  private Job load(JobId id) {
    if (id == null) {
      throw ValidationException.of("job", "must not be null");
    }
    return jobs.find(id).orElseThrow(() -> new NotFoundException("Job", id));
  }

  /** Applies {@code change} to the stored job in a unit of work, publishing its events. */
  private Job update(JobId id, UnaryOperator<Job> change) {
    return retrying(
        () -> {
          Job current = load(id);
          Job next = change.apply(current);
          return next == current ? current : publishAndSave(next);
        });
  }

  private Job publishAndSave(Job job) {
    outbox.appendAll(job.newEvents());
    return jobs.save(job);
  }

  private Job retrying(Supplier<Job> work) {
    ConcurrencyException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return transactions.inTransaction(work);
      } catch (ConcurrencyException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Settings and ports of a {@link JobService}. Not thread-safe. */
  public static final class Builder {
    private Jobs jobs = new InMemoryJobs();
    private PaymentService payments;
    private FeeResolver fees;
    private Outbox outbox;
    private TransactionRunner transactions;
    private Clock clock;
    private IdGenerator ids;
    private Validation validation = Validation.none();
    private CancellationPolicy cancellation = CancellationPolicy.standard();
    private Duration holdSafetyMargin = Duration.ofDays(2);

    private Builder() {}

    /** The jobs repository (default: in-memory). */
    public Builder jobs(Jobs jobs) {
      this.jobs = ValidationException.requireNonNull("jobs", jobs);
      return this;
    }

    /** The payment service (required). */
    public Builder payments(PaymentService payments) {
      this.payments = ValidationException.requireNonNull("payments", payments);
      return this;
    }

    /** The fee resolver (required). */
    public Builder fees(FeeResolver fees) {
      this.fees = ValidationException.requireNonNull("fees", fees);
      return this;
    }

    /** The outbox (required). */
    public Builder outbox(Outbox outbox) {
      this.outbox = ValidationException.requireNonNull("outbox", outbox);
      return this;
    }

    /** The unit-of-work runner (required). */
    public Builder transactions(TransactionRunner transactions) {
      this.transactions = ValidationException.requireNonNull("transactions", transactions);
      return this;
    }

    /** The clock (required). */
    public Builder clock(Clock clock) {
      this.clock = ValidationException.requireNonNull("clock", clock);
      return this;
    }

    /** The id generator (required). */
    public Builder ids(IdGenerator ids) {
      this.ids = ValidationException.requireNonNull("ids", ids);
      return this;
    }

    /** Command validation (default: none). */
    public Builder validation(Validation validation) {
      this.validation = ValidationException.requireNonNull("validation", validation);
      return this;
    }

    /** The cancellation policy (default: {@link CancellationPolicy#standard()}). */
    public Builder cancellation(CancellationPolicy cancellation) {
      this.cancellation = ValidationException.requireNonNull("cancellation", cancellation);
      return this;
    }

    /**
     * How long before a hold's maximum duration ends the job must start for a hold to be used
     * (default 2 days); later jobs are charged at once.
     */
    public Builder holdSafetyMargin(Duration margin) {
      if (margin == null || margin.isNegative()) {
        throw ValidationException.of("holdSafetyMargin", "must be zero or positive");
      }
      this.holdSafetyMargin = margin;
      return this;
    }

    /** The service; it installs its settlement listener on the payment service. */
    public JobService build() {
      ValidationException.requireNonNull("payments", payments);
      ValidationException.requireNonNull("fees", fees);
      ValidationException.requireNonNull("outbox", outbox);
      ValidationException.requireNonNull("transactions", transactions);
      ValidationException.requireNonNull("clock", clock);
      ValidationException.requireNonNull("ids", ids);
      return new JobService(this);
    }
  }
}
