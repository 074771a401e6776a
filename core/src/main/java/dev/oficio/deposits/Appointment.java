package dev.oficio.deposits;

import dev.oficio.deposits.DepositEvent.AppointmentCancelled;
import dev.oficio.deposits.DepositEvent.AppointmentRescheduled;
import dev.oficio.deposits.DepositEvent.CustomerCreditGranted;
import dev.oficio.deposits.DepositEvent.DepositApplied;
import dev.oficio.deposits.DepositEvent.DepositCaptured;
import dev.oficio.deposits.DepositEvent.DepositRefunded;
import dev.oficio.deposits.DepositEvent.DepositSecured;
import dev.oficio.deposits.DepositEvent.NoShowAdjudicated;
import dev.oficio.deposits.DepositEvent.ProNoShowRecorded;
import dev.oficio.deposits.DepositEvent.ProStrikeRecorded;
import dev.oficio.deposits.DepositEvent.ProSuspensionTriggered;
import dev.oficio.deposits.DepositEvent.ReviewCaseOpened;
import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An estimate visit a customer booked with a pro, and its deposit. Owns two state machines:
 *
 * <ul>
 *   <li>the visit: {@code BOOKED → CANCELLED | UNDER_REVIEW → ADJUDICATED} (or straight {@code
 *       BOOKED → ADJUDICATED});
 *   <li>the deposit: {@code PENDING → SECURED → SETTLED}; a deposit settles exactly once, into pro
 *       share, platform share, refund and job credit that sum to the deposit.
 * </ul>
 *
 * Every transition rejects illegal moves with {@link IllegalTransitionException} and appends {@link
 * DepositEvent}s ({@link #pullEvents()}). Not thread-safe: load, change and save it inside one unit
 * of work; {@link #version()} guards concurrent writers.
 */
public final class Appointment {

  /** Where the visit is. */
  public enum Status {
    /** Booked and upcoming (or happening). */
    BOOKED,
    /** Cancelled by either side before the visit. */
    CANCELLED,
    /** Waiting for an operator's decision. */
    UNDER_REVIEW,
    /** Both attended; the deposit waits for a follow-up job until the credit window ends. */
    AWAITING_FOLLOW_UP,
    /** Decided: the deposit is settled. */
    ADJUDICATED
  }

  /** Where the deposit is. */
  public enum DepositStatus {
    /** Not yet held or charged (a hold is taken close to the slot). */
    PENDING,
    /** Held or charged. */
    SECURED,
    /** Distributed; final. */
    SETTLED
  }

  private final AppointmentId id;
  private final CustomerId customer;
  private final ProId pro;
  private final String category;
  private Instant slotStart;
  private Instant slotEnd;
  private final GeoPoint location;
  private final Instant bookedAt;
  private final Money deposit;
  private Status status = Status.BOOKED;
  private DepositStatus depositStatus = DepositStatus.PENDING;
  private boolean depositHeld;
  private int reschedules;
  private Attendance attendance = Attendance.NONE;
  private Adjudication adjudication;
  private DepositSettlement settlement;
  private JobId appliedTo;
  private PaymentId payment;
  private long version;
  private final List<DepositEvent> events = new ArrayList<>();

  private Appointment(
      AppointmentId id,
      CustomerId customer,
      ProId pro,
      String category,
      Instant slotStart,
      Instant slotEnd,
      GeoPoint location,
      Instant bookedAt,
      Money deposit) {
    this.id = id;
    this.customer = customer;
    this.pro = pro;
    this.category = category;
    this.slotStart = slotStart;
    this.slotEnd = slotEnd;
    this.location = location;
    this.bookedAt = bookedAt;
    this.deposit = deposit;
  }

  /**
   * Books a visit. The pro's slot is accepted at booking time.
   *
   * @param location the visit's location, may be null when unknown (no geofence check then)
   */
  public static Appointment book(
      AppointmentId id,
      CustomerId customer,
      ProId pro,
      String category,
      Instant slotStart,
      Instant slotEnd,
      GeoPoint location,
      Money deposit,
      Instant bookedAt) {
    if (id == null || customer == null || pro == null) {
      throw ValidationException.of("appointment", "id, customer and pro are required");
    }
    if (category == null || category.isBlank()) {
      throw ValidationException.of("category", "must not be blank");
    }
    checkSlot(slotStart, slotEnd);
    if (bookedAt == null || !bookedAt.isBefore(slotStart)) {
      throw ValidationException.of("bookedAt", "must be before the slot starts");
    }
    if (deposit == null || !deposit.isPositive()) {
      throw ValidationException.of("deposit", "must be positive");
    }
    return new Appointment(
        id, customer, pro, category, slotStart, slotEnd, location, bookedAt, deposit);
  }

  private static void checkSlot(Instant start, Instant end) {
    if (start == null || end == null || !end.isAfter(start)) {
      throw ValidationException.of("slot", "end must be after start");
    }
  }

  /** Links the payment that moves the deposit's money; once. */
  public void linkPayment(PaymentId payment) {
    if (payment == null) {
      throw ValidationException.of("payment", "must not be null");
    }
    if (this.payment != null && !this.payment.equals(payment)) {
      throw new IllegalTransitionException("Appointment", "PAYMENT_LINKED", "link payment");
    }
    this.payment = payment;
  }

  /** The payment moving the deposit's money, once linked. */
  public Optional<PaymentId> payment() {
    return Optional.ofNullable(payment);
  }

  /** Records that the deposit is held ({@code hold}) or charged. */
  public void depositSecured(boolean hold, Instant at) {
    requireStatus("secure deposit", Status.BOOKED);
    if (depositStatus != DepositStatus.PENDING) {
      throw new IllegalTransitionException("EstimateDeposit", depositStatus, "secure");
    }
    depositStatus = DepositStatus.SECURED;
    depositHeld = hold;
    events.add(new DepositSecured(id, deposit, hold, at));
  }

  /**
   * Moves the visit. Free until {@link DepositPolicy#rescheduleFreeUntil()} before the current
   * start; a later reschedule is a late cancellation in disguise and is treated as one (the
   * appointment is cancelled with the customer's late fee). More than {@link
   * DepositPolicy#maxReschedules()} reschedules are refused.
   *
   * @return empty when moved; the cancellation when treated as a late cancellation
   */
  public Optional<Cancellation> reschedule(
      Instant newStart, Instant newEnd, Instant at, DepositPolicy policy) {
    requireStatus("reschedule", Status.BOOKED);
    checkSlot(newStart, newEnd);
    if (!newStart.isAfter(at)) {
      throw ValidationException.of("newStart", "must be in the future");
    }
    if (reschedules >= policy.maxReschedules()) {
      throw ValidationException.of(
          "reschedule", "at most " + policy.maxReschedules() + " reschedules are allowed");
    }
    Duration notice = Duration.between(at, slotStart);
    if (notice.compareTo(policy.rescheduleFreeUntil()) < 0
        && !policy
            .customerCancellationFee(notice, Duration.between(bookedAt, at), deposit)
            .isZero()) {
      return Optional.of(cancelByCustomer(at, policy, "late reschedule treated as cancellation"));
    }
    slotStart = newStart;
    slotEnd = newEnd;
    reschedules++;
    events.add(new AppointmentRescheduled(id, newStart, reschedules, at));
    return Optional.empty();
  }

  /** The result of a cancellation. */
  public record Cancellation(String by, Duration notice, Money fee, DepositSettlement settlement) {}

  /**
   * The customer cancels: the late fee by notice (captured and split like a no-show deposit), the
   * rest refunded. Settles a secured deposit; a pending one had nothing taken.
   */
  public Cancellation cancelByCustomer(Instant at, DepositPolicy policy) {
    return cancelByCustomer(at, policy, "customer cancelled");
  }

  private Cancellation cancelByCustomer(Instant at, DepositPolicy policy, String reason) {
    requireStatus("cancel", Status.BOOKED);
    requireNotStarted(at);
    Duration notice = notice(at);
    Money fee =
        depositStatus == DepositStatus.SECURED
            ? policy.customerCancellationFee(notice, Duration.between(bookedAt, at), deposit)
            : Money.zero(deposit.currency());
    List<Money> split = fee.allocate(policy.customerNoShowProShare(), remainderOf(policy));
    DepositSettlement s =
        new DepositSettlement(
            split.get(0),
            split.get(1),
            deposit.minus(fee),
            Money.zero(deposit.currency()),
            Money.zero(deposit.currency()));
    status = Status.CANCELLED;
    events.add(new AppointmentCancelled(id, "CUSTOMER", notice.toMinutes(), fee, at));
    settleIfSecured(s, reason, at);
    return new Cancellation("CUSTOMER", notice, fee, s);
  }

  /**
   * The pro cancels: the customer gets the whole deposit back; the pro owes the penalty of the
   * rising scale (free within {@link DepositPolicy#proFreeAfterAccepting()} of booking).
   */
  public Cancellation cancelByPro(Instant at, DepositPolicy policy) {
    requireStatus("cancel", Status.BOOKED);
    requireNotStarted(at);
    Duration notice = notice(at);
    Money penalty = policy.proCancellationPenalty(notice, Duration.between(bookedAt, at), deposit);
    DepositSettlement s = DepositSettlement.refundAll(deposit, Money.zero(deposit.currency()));
    status = Status.CANCELLED;
    events.add(new AppointmentCancelled(id, "PRO", notice.toMinutes(), penalty, at));
    settleIfSecured(s, "pro cancelled", at);
    return new Cancellation("PRO", notice, penalty, s);
  }

  private void requireNotStarted(Instant at) {
    if (!at.isBefore(slotStart)) {
      throw ValidationException.of(
          "cancel", "the visit has started; the no-show playbook decides what happens");
    }
  }

  private Duration notice(Instant at) {
    Duration notice = Duration.between(at, slotStart);
    return notice.isNegative() ? Duration.ZERO : notice;
  }

  /** The pro checks in, with the device's position when it has one. */
  public void checkIn(Instant at, GeoPoint position) {
    requireStatus("check in", Status.BOOKED);
    if (attendance.proCheckIn() != null) {
      throw new IllegalTransitionException("Appointment", "CHECKED_IN", "check in");
    }
    attendance = attendance.withCheckIn(at, position);
  }

  /** The pro checks out. */
  public void checkOut(Instant at) {
    requireStatus("check out", Status.BOOKED);
    if (attendance.proCheckIn() == null || attendance.proCheckOut() != null) {
      throw new IllegalTransitionException(
          "Appointment",
          attendance.proCheckIn() == null ? "NOT_CHECKED_IN" : "CHECKED_OUT",
          "check out");
    }
    if (at.isBefore(attendance.proCheckIn())) {
      throw ValidationException.of("checkOut", "must not be before check-in");
    }
    attendance = attendance.withCheckOut(at);
  }

  /** The pro tried to reach the customer. */
  public void contactAttempt(ContactAttempt attempt) {
    requireStatus("record contact attempt", Status.BOOKED);
    attendance = attendance.withContactAttempt(attempt);
  }

  /** The customer confirms the visit took place. */
  public void customerConfirms(Instant at) {
    requireStatus("confirm", Status.BOOKED);
    attendance = attendance.withCustomerConfirmation(at);
  }

  /**
   * Applies a decision. A {@link Party#NEEDS_REVIEW} decision opens a review case; any other
   * settles the deposit exactly once and records the pro's strike for a pro no-show.
   *
   * @param strikesInWindow for a pro no-show, the pro's strikes within the policy window including
   *     this one (the service counts them); ignored otherwise
   * @param followUpJob the job credited for an applied deposit, or null
   */
  public void adjudicate(
      Adjudication decision,
      int strikesInWindow,
      JobId followUpJob,
      DepositPolicy policy,
      Instant at) {
    if (status != Status.BOOKED && status != Status.UNDER_REVIEW) {
      throw new IllegalTransitionException("Appointment", status, "adjudicate");
    }
    if (decision.party() == Party.BOTH_ATTENDED && decision.settlement() == null) {
      if (decision.creditWindowEnds() == null) {
        throw ValidationException.of("settlement", "missing for a both-attended decision");
      }
      status = Status.AWAITING_FOLLOW_UP;
      adjudication = decision;
      events.add(new NoShowAdjudicated(id, decision.party(), decision.rule(), at));
      return;
    }
    if (decision.party() == Party.NEEDS_REVIEW) {
      if (status == Status.UNDER_REVIEW) {
        throw new IllegalTransitionException("Appointment", status, "open review");
      }
      status = Status.UNDER_REVIEW;
      adjudication = decision;
      events.add(new NoShowAdjudicated(id, decision.party(), decision.rule(), at));
      events.add(new ReviewCaseOpened(id, decision.reviewDeadline(), at));
      return;
    }
    DepositSettlement s = decision.settlement();
    if (s == null || !s.total().equals(deposit)) {
      throw ValidationException.of("settlement", "must distribute exactly the deposit " + deposit);
    }
    if (!s.applied().isZero() && followUpJob == null) {
      throw ValidationException.of("followUpJob", "required to apply the deposit to a job");
    }
    if (depositStatus != DepositStatus.SECURED) {
      throw new IllegalTransitionException("EstimateDeposit", depositStatus, "settle");
    }
    status = Status.ADJUDICATED;
    adjudication = decision;
    appliedTo = s.applied().isZero() ? null : followUpJob;
    events.add(new NoShowAdjudicated(id, decision.party(), decision.rule(), at));
    settleIfSecured(s, decision.rule(), at);
    if (decision.party() == Party.PRO_NO_SHOW) {
      events.add(new ProNoShowRecorded(id, pro, at));
      events.add(new ProStrikeRecorded(id, pro, strikesInWindow, at));
      if (strikesInWindow >= policy.strikesToSuspend()) {
        events.add(new ProSuspensionTriggered(id, pro, strikesInWindow, at));
      }
    }
  }

  /**
   * Ends the wait for a follow-up job with {@code settlement} (credited to {@code job}, or refunded
   * when {@code job} is null).
   */
  public void closeCreditWindow(DepositSettlement settlement, JobId job, Instant at) {
    requireStatus("close credit window", Status.AWAITING_FOLLOW_UP);
    if (!settlement.total().equals(deposit)) {
      throw ValidationException.of("settlement", "must distribute exactly the deposit " + deposit);
    }
    if (!settlement.applied().isZero() && job == null) {
      throw ValidationException.of("job", "required to apply the deposit to a job");
    }
    status = Status.ADJUDICATED;
    appliedTo = settlement.applied().isZero() ? null : job;
    settleIfSecured(
        settlement, settlement.applied().isZero() ? "credit window ended" : "applied to job", at);
  }

  private void settleIfSecured(DepositSettlement s, String reason, Instant at) {
    if (depositStatus != DepositStatus.SECURED) {
      return;
    }
    depositStatus = DepositStatus.SETTLED;
    settlement = s;
    if (!s.captured().isZero()) {
      events.add(new DepositCaptured(id, pro, s.proShare(), s.platformShare(), reason, at));
    }
    if (!s.refund().isZero()) {
      events.add(new DepositRefunded(id, s.refund(), reason, at));
    }
    if (!s.applied().isZero()) {
      events.add(new DepositApplied(id, appliedTo, s.applied(), at));
    }
    if (!s.customerCredit().isZero()) {
      events.add(new CustomerCreditGranted(id, customer, s.customerCredit(), at));
    }
  }

  static Rate remainderOf(DepositPolicy policy) {
    return Rate.ofPercent(
        Rate.HUNDRED.percent().subtract(policy.customerNoShowProShare().percent()));
  }

  private void requireStatus(String action, Status expected) {
    if (status != expected) {
      throw new IllegalTransitionException("Appointment", status, action);
    }
  }

  /**
   * The appointment's whole state, for repositories that store it (events excluded: they go to the
   * outbox when they happen).
   *
   * @param id the id
   * @param customer the customer
   * @param pro the pro
   * @param category the category
   * @param slotStart slot start
   * @param slotEnd slot end
   * @param location the location, or null
   * @param bookedAt booking time
   * @param deposit the deposit
   * @param status the visit's state
   * @param depositStatus the deposit's state
   * @param depositHeld whether the deposit is a hold
   * @param reschedules reschedule count
   * @param attendance attendance evidence
   * @param adjudication the decision, or null
   * @param settlement the settlement, or null
   * @param appliedTo the credited job, or null
   * @param payment the linked payment, or null
   */
  public record Snapshot(
      AppointmentId id,
      CustomerId customer,
      ProId pro,
      String category,
      Instant slotStart,
      Instant slotEnd,
      GeoPoint location,
      Instant bookedAt,
      Money deposit,
      Status status,
      DepositStatus depositStatus,
      boolean depositHeld,
      int reschedules,
      Attendance attendance,
      Adjudication adjudication,
      DepositSettlement settlement,
      JobId appliedTo,
      PaymentId payment) {}

  /** The current state. */
  public Snapshot snapshot() {
    return new Snapshot(
        id,
        customer,
        pro,
        category,
        slotStart,
        slotEnd,
        location,
        bookedAt,
        deposit,
        status,
        depositStatus,
        depositHeld,
        reschedules,
        attendance,
        adjudication,
        settlement,
        appliedTo,
        payment);
  }

  /**
   * Rebuilds a stored appointment at {@code version}.
   *
   * @throws ValidationException if the snapshot is inconsistent
   */
  public static Appointment restore(Snapshot s, long version) {
    if (s == null || s.status() == null || s.depositStatus() == null || s.attendance() == null) {
      throw ValidationException.of("snapshot", "status, depositStatus and attendance are required");
    }
    Appointment a =
        new Appointment(
            s.id(),
            s.customer(),
            s.pro(),
            s.category(),
            s.slotStart(),
            s.slotEnd(),
            s.location(),
            s.bookedAt(),
            s.deposit());
    a.status = s.status();
    a.depositStatus = s.depositStatus();
    a.depositHeld = s.depositHeld();
    a.reschedules = s.reschedules();
    a.attendance = s.attendance();
    a.adjudication = s.adjudication();
    a.settlement = s.settlement();
    a.appliedTo = s.appliedTo();
    a.payment = s.payment();
    a.version = version;
    return a;
  }

  /** Events appended since the last call, oldest first; the list is then cleared. */
  public List<DepositEvent> pullEvents() {
    List<DepositEvent> pulled = List.copyOf(events);
    events.clear();
    return pulled;
  }

  /** The id. */
  public AppointmentId id() {
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

  /** The service category, e.g. {@code electrical}. */
  public String category() {
    return category;
  }

  /** Slot start. */
  public Instant slotStart() {
    return slotStart;
  }

  /** Slot end. */
  public Instant slotEnd() {
    return slotEnd;
  }

  /** The visit's location, if known. */
  public Optional<GeoPoint> location() {
    return Optional.ofNullable(location);
  }

  /** When the visit was booked. */
  public Instant bookedAt() {
    return bookedAt;
  }

  /** The deposit amount. */
  public Money deposit() {
    return deposit;
  }

  /** The visit's state. */
  public Status status() {
    return status;
  }

  /** The deposit's state. */
  public DepositStatus depositStatus() {
    return depositStatus;
  }

  /** Whether the secured deposit is a hold (true) or a charge (false). */
  public boolean depositHeld() {
    return depositHeld;
  }

  /** How many times the visit was moved. */
  public int reschedules() {
    return reschedules;
  }

  /** The attendance evidence so far. */
  public Attendance attendance() {
    return attendance;
  }

  /** The decision, once made (including an open review). */
  public Optional<Adjudication> adjudication() {
    return Optional.ofNullable(adjudication);
  }

  /** The deposit's settlement, once settled. */
  public Optional<DepositSettlement> settlement() {
    return Optional.ofNullable(settlement);
  }

  /** The job the deposit was credited to, if any. */
  public Optional<JobId> appliedTo() {
    return Optional.ofNullable(appliedTo);
  }

  /** Optimistic-locking version, incremented by the repository on each save. */
  public long version() {
    return version;
  }

  /**
   * Records the version a repository stored; for {@link Appointments} implementations only.
   *
   * @param version the stored version, greater than the current one
   */
  public void markSaved(long version) {
    if (version <= this.version) {
      throw ValidationException.of("version", "must grow, was " + this.version + " → " + version);
    }
    this.version = version;
  }
}
