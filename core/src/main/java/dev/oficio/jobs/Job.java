package dev.oficio.jobs;

import dev.oficio.fees.FeeQuote;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A booked job, the spine of a booking. It owns its state machine ({@link JobStatus}); each
 * transition checks the current status, throws {@link IllegalTransitionException} on an illegal
 * move, and appends a {@link JobEvent} to {@link #newEvents()}. The fee quote frozen at {@link
 * #quote} decides every later split. Money moves through the payments context ({@link JobService});
 * the job records only what succeeded.
 *
 * <p>Immutable: transitions return a new {@code Job}. {@link #version()} is the version it was read
 * at ({@link Jobs#save} checks it). Thread-safe.
 */
public final class Job {
  private final JobId id;
  private final CustomerId customer;
  private final ProId pro;
  private final Instant scheduledAt;
  private final String paymentMethod;
  private final FeeQuote quote;
  private final JobStatus status;
  private final PaymentId payment;
  private final SecuredBy securedBy;
  private final Instant acceptedAt;
  private final Money refunded;
  private final Map<String, Money> pendingRefunds;
  private final Set<String> settledRefunds;
  private final Money cancellationFee;
  private final Instant createdAt;
  private final long version;
  private final List<JobEvent> newEvents;

  private Job(
      JobId id,
      CustomerId customer,
      ProId pro,
      Instant scheduledAt,
      String paymentMethod,
      FeeQuote quote,
      JobStatus status,
      PaymentId payment,
      SecuredBy securedBy,
      Instant acceptedAt,
      Money refunded,
      Map<String, Money> pendingRefunds,
      Set<String> settledRefunds,
      Money cancellationFee,
      Instant createdAt,
      long version,
      List<JobEvent> newEvents) {
    if (id == null
        || customer == null
        || pro == null
        || scheduledAt == null
        || quote == null
        || status == null
        || createdAt == null) {
      throw ValidationException.of(
          "job", "id, customer, pro, scheduledAt, quote, status and createdAt are required");
    }
    if (paymentMethod == null || paymentMethod.isBlank()) {
      throw ValidationException.of("paymentMethod", "must not be blank");
    }
    if (!quote.gross().isPositive()) {
      throw ValidationException.of("amount", "must be positive");
    }
    this.id = id;
    this.customer = customer;
    this.pro = pro;
    this.scheduledAt = scheduledAt;
    this.paymentMethod = paymentMethod;
    this.quote = quote;
    this.status = status;
    this.payment = payment;
    this.securedBy = securedBy;
    this.acceptedAt = acceptedAt;
    this.refunded = refunded == null ? Money.zero(quote.gross().currency()) : refunded;
    this.pendingRefunds = Map.copyOf(pendingRefunds == null ? Map.of() : pendingRefunds);
    this.settledRefunds = Set.copyOf(settledRefunds == null ? Set.of() : settledRefunds);
    this.cancellationFee = cancellationFee;
    this.createdAt = createdAt;
    this.version = version;
    this.newEvents = List.copyOf(newEvents == null ? List.of() : newEvents);
  }

  /** Rebuilds a job exactly as stored; for repositories. */
  public static Job restore(
      JobId id,
      CustomerId customer,
      ProId pro,
      Instant scheduledAt,
      String paymentMethod,
      FeeQuote quote,
      JobStatus status,
      PaymentId payment,
      SecuredBy securedBy,
      Instant acceptedAt,
      Money refunded,
      Map<String, Money> pendingRefunds,
      Set<String> settledRefunds,
      Money cancellationFee,
      Instant createdAt,
      long version) {
    return new Job(
        id,
        customer,
        pro,
        scheduledAt,
        paymentMethod,
        quote,
        status,
        payment,
        securedBy,
        acceptedAt,
        refunded,
        pendingRefunds,
        settledRefunds,
        cancellationFee,
        createdAt,
        version,
        List.of());
  }

  /** A new QUOTED job with its fee quote frozen. */
  public static Job quote(
      JobId id,
      CustomerId customer,
      ProId pro,
      Instant scheduledAt,
      String paymentMethod,
      FeeQuote quote,
      Instant now) {
    JobEvent event =
        new JobEvent.JobQuoted(
            id,
            customer,
            pro,
            quote.gross(),
            quote.platformFee(),
            quote.scheduleId(),
            quote.scheduleVersion(),
            now);
    return new Job(
        id,
        customer,
        pro,
        scheduledAt,
        paymentMethod,
        quote,
        JobStatus.QUOTED,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        now,
        0,
        List.of(event));
  }

  // --- transitions ---

  /** Links the payment being secured (QUOTED only). */
  public Job attachPayment(PaymentId newPayment) {
    require("attach a payment", JobStatus.QUOTED);
    if (newPayment == null) {
      throw ValidationException.of("payment", "must not be null");
    }
    return copy(
        status,
        newPayment,
        securedBy,
        acceptedAt,
        refunded,
        pendingRefunds,
        settledRefunds,
        cancellationFee,
        null);
  }

  /** Forgets a payment that was declined, so the next acceptance opens a new one (QUOTED only). */
  public Job detachPayment() {
    require("detach a payment", JobStatus.QUOTED);
    return copy(
        status,
        null,
        null,
        acceptedAt,
        refunded,
        pendingRefunds,
        settledRefunds,
        cancellationFee,
        null);
  }

  /** QUOTED → ACCEPTED once the payment is secured. */
  public Job accept(SecuredBy how, Instant now) {
    require("accept", JobStatus.QUOTED);
    if (payment == null || how == null) {
      throw new IllegalTransitionException("Job " + id, status, "accept without a secured payment");
    }
    return copy(
        JobStatus.ACCEPTED,
        payment,
        how,
        now,
        refunded,
        pendingRefunds,
        settledRefunds,
        cancellationFee,
        new JobEvent.JobAccepted(id, pro, payment, how, quote.customerTotal(), now));
  }

  /** ACCEPTED → IN_PROGRESS. */
  public Job start(Instant now) {
    require("start", JobStatus.ACCEPTED);
    return to(JobStatus.IN_PROGRESS, new JobEvent.JobStarted(id, pro, now));
  }

  /** ACCEPTED or IN_PROGRESS → COMPLETED. */
  public Job complete(Instant now) {
    require("complete", JobStatus.ACCEPTED, JobStatus.IN_PROGRESS);
    return to(
        JobStatus.COMPLETED,
        new JobEvent.JobCompleted(id, pro, customer, quote.gross(), platformShare(), now));
  }

  /** COMPLETED → CLOSED, when no refund is in flight. */
  public Job close(Instant now) {
    require("close", JobStatus.COMPLETED);
    if (!pendingRefunds.isEmpty()) {
      throw new IllegalTransitionException(
          "Job " + id, status, "close while a refund is in flight");
    }
    return to(JobStatus.CLOSED, new JobEvent.JobClosed(id, now));
  }

  /**
   * QUOTED or ACCEPTED → CANCELLED.
   *
   * @param fee what the customer pays for cancelling (zero when free)
   */
  public Job cancel(CancelledBy by, Instant now, Money fee) {
    require("cancel", JobStatus.QUOTED, JobStatus.ACCEPTED);
    if (by == null || fee == null || fee.isNegative() || fee.isGreaterThan(quote.gross())) {
      throw ValidationException.of(
          "fee", "by is required and the fee must be between zero and the price");
    }
    long noticeHours = Math.max(0, Duration.between(now, scheduledAt).toHours());
    return copy(
        JobStatus.CANCELLED,
        payment,
        securedBy,
        acceptedAt,
        refunded,
        pendingRefunds,
        settledRefunds,
        fee,
        new JobEvent.JobCancelled(id, pro, by, noticeHours, fee, now));
  }

  /** COMPLETED → DISPUTED. */
  public Job dispute(String reason, Instant now) {
    require("dispute", JobStatus.COMPLETED);
    if (reason == null || reason.isBlank()) {
      throw ValidationException.of("reason", "must not be blank");
    }
    return to(JobStatus.DISPUTED, new JobEvent.JobDisputed(id, pro, reason, now));
  }

  /**
   * DISPUTED → COMPLETED. With {@link DisputeResolution#REFUND} the service then refunds the rest,
   * which ends in REFUNDED.
   */
  public Job resolveDispute(DisputeResolution resolution, Instant now) {
    require("resolve a dispute", JobStatus.DISPUTED);
    if (resolution == null) {
      throw ValidationException.of("resolution", "must not be null");
    }
    return to(JobStatus.COMPLETED, new JobEvent.JobDisputeResolved(id, resolution, now));
  }

  /**
   * Records a refund about to be sent (COMPLETED or DISPUTED). Asking again with the same {@code
   * refundId} changes nothing.
   *
   * @param amount the part of the job's price to refund
   */
  public Job requestRefund(String refundId, Money amount) {
    if (refundId == null || refundId.isBlank()) {
      throw ValidationException.of("refundId", "must not be blank");
    }
    if (pendingRefunds.containsKey(refundId) || settledRefunds.contains(refundId)) {
      return this;
    }
    require("refund", JobStatus.COMPLETED, JobStatus.DISPUTED);
    if (amount == null || !amount.isPositive()) {
      throw ValidationException.of("amount", "must be positive");
    }
    Money left = refundable();
    if (amount.isGreaterThan(left)) {
      throw ValidationException.of(
          "amount", "refund " + amount + " exceeds the refundable " + left);
    }
    Map<String, Money> pending = new LinkedHashMap<>(pendingRefunds);
    pending.put(refundId, amount);
    return copy(
        status,
        payment,
        securedBy,
        acceptedAt,
        refunded,
        pending,
        settledRefunds,
        cancellationFee,
        null);
  }

  /** Records that the refund succeeded; the whole price refunded makes the job REFUNDED. */
  public Job refundSucceeded(
      String refundId, Money customerRefund, Money platformReversed, Instant now) {
    Money amount = pendingRefunds.get(refundId);
    if (amount == null) {
      return this;
    }
    Map<String, Money> pending = new LinkedHashMap<>(pendingRefunds);
    pending.remove(refundId);
    Set<String> settled = new LinkedHashSet<>(settledRefunds);
    settled.add(refundId);
    Money total = refunded.plus(amount);
    JobStatus next = total.equals(quote.gross()) ? JobStatus.REFUNDED : status;
    return copy(
        next,
        payment,
        securedBy,
        acceptedAt,
        total,
        pending,
        settled,
        cancellationFee,
        new JobEvent.JobRefunded(id, pro, amount, customerRefund, platformReversed, total, now));
  }

  /** Forgets a refund the provider declined, so it may be asked again. */
  public Job refundFailed(String refundId) {
    if (!pendingRefunds.containsKey(refundId)) {
      return this;
    }
    Map<String, Money> pending = new LinkedHashMap<>(pendingRefunds);
    pending.remove(refundId);
    return copy(
        status,
        payment,
        securedBy,
        acceptedAt,
        refunded,
        pending,
        settledRefunds,
        cancellationFee,
        null);
  }

  /** This job as saved at {@code newVersion}, with no new events; for repositories. */
  public Job withVersion(long newVersion) {
    return new Job(
        id,
        customer,
        pro,
        scheduledAt,
        paymentMethod,
        quote,
        status,
        payment,
        securedBy,
        acceptedAt,
        refunded,
        pendingRefunds,
        settledRefunds,
        cancellationFee,
        createdAt,
        newVersion,
        List.of());
  }

  // --- reading ---

  /** The id. */
  public JobId id() {
    return id;
  }

  /** The customer. */
  public CustomerId customer() {
    return customer;
  }

  /** The pro. */
  public ProId pro() {
    return pro;
  }

  /** When the work is to start. */
  public Instant scheduledAt() {
    return scheduledAt;
  }

  /** The customer's payment method at the provider. */
  public String paymentMethod() {
    return paymentMethod;
  }

  /** The fee quote frozen at quoting (schedule id and version included). */
  public FeeQuote quote() {
    return quote;
  }

  /** The job's price (the quote's gross amount). */
  public Money price() {
    return quote.gross();
  }

  /** The status. */
  public JobStatus status() {
    return status;
  }

  /** The payment securing the job, if any. */
  public Optional<PaymentId> payment() {
    return Optional.ofNullable(payment);
  }

  /** How the payment was secured, once accepted. */
  public Optional<SecuredBy> securedBy() {
    return Optional.ofNullable(securedBy);
  }

  /** When it was accepted, if it was. */
  public Optional<Instant> acceptedAt() {
    return Optional.ofNullable(acceptedAt);
  }

  /** The part of the price refunded so far. */
  public Money refunded() {
    return refunded;
  }

  /** Refunds sent and not yet settled, by refund id (amounts of the price). */
  public Map<String, Money> pendingRefunds() {
    return pendingRefunds;
  }

  /** Refund ids that succeeded. */
  public Set<String> settledRefunds() {
    return settledRefunds;
  }

  /** The part of the price still refundable: price − refunded − refunds in flight. */
  public Money refundable() {
    Money pending =
        pendingRefunds.values().stream().reduce(Money.zero(price().currency()), Money::plus);
    return price().minus(refunded).minus(pending);
  }

  /** What the customer paid for cancelling, once cancelled. */
  public Optional<Money> cancellationFee() {
    return Optional.ofNullable(cancellationFee);
  }

  /** The platform's share of the money taken: what the customer pays minus the pro's payout. */
  public Money platformShare() {
    return quote.customerTotal().minus(quote.proPayout());
  }

  /** When it was quoted. */
  public Instant createdAt() {
    return createdAt;
  }

  /** The version it was read at. */
  public long version() {
    return version;
  }

  /**
   * Events of the transitions made on this instance since it was read; the service publishes them.
   */
  public List<JobEvent> newEvents() {
    return newEvents;
  }

  private void require(String action, JobStatus... allowed) {
    for (JobStatus s : allowed) {
      if (status == s) {
        return;
      }
    }
    throw new IllegalTransitionException("Job " + id, status, action);
  }

  private Job to(JobStatus next, JobEvent event) {
    return copy(
        next,
        payment,
        securedBy,
        acceptedAt,
        refunded,
        pendingRefunds,
        settledRefunds,
        cancellationFee,
        event);
  }

  private Job copy(
      JobStatus nextStatus,
      PaymentId nextPayment,
      SecuredBy nextSecuredBy,
      Instant nextAcceptedAt,
      Money nextRefunded,
      Map<String, Money> nextPending,
      Set<String> nextSettled,
      Money nextCancellationFee,
      JobEvent event) {
    List<JobEvent> events = new ArrayList<>(newEvents);
    if (event != null) {
      events.add(event);
    }
    return new Job(
        id,
        customer,
        pro,
        scheduledAt,
        paymentMethod,
        quote,
        nextStatus,
        nextPayment,
        nextSecuredBy,
        nextAcceptedAt,
        nextRefunded,
        nextPending,
        nextSettled,
        nextCancellationFee,
        createdAt,
        version,
        events);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Job j
        && id.equals(j.id)
        && customer.equals(j.customer)
        && pro.equals(j.pro)
        && scheduledAt.equals(j.scheduledAt)
        && paymentMethod.equals(j.paymentMethod)
        && quote.equals(j.quote)
        && status == j.status
        && Objects.equals(payment, j.payment)
        && securedBy == j.securedBy
        && Objects.equals(acceptedAt, j.acceptedAt)
        && refunded.equals(j.refunded)
        && pendingRefunds.equals(j.pendingRefunds)
        && settledRefunds.equals(j.settledRefunds)
        && Objects.equals(cancellationFee, j.cancellationFee)
        && createdAt.equals(j.createdAt)
        && version == j.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, status, version);
  }

  @Override
  public String toString() {
    return "Job[" + id + " " + status + " v" + version + "]";
  }
}
