package dev.oficio.deposits;

import dev.oficio.deposits.DepositEvent.AppointmentCancelled;
import dev.oficio.deposits.DepositEvent.CustomerCreditGranted;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.ledger.LedgerJournal;
import dev.oficio.payments.GatewayCapabilities;
import dev.oficio.payments.HoldExpiryPolicy;
import dev.oficio.payments.Payment;
import dev.oficio.payments.PaymentService;
import dev.oficio.payments.PaymentTransaction;
import dev.oficio.payments.TransactionKind;
import dev.oficio.payments.TransactionStatus;
import dev.oficio.persistence.Outbox;
import dev.oficio.persistence.TimerHandler;
import dev.oficio.persistence.TimerRequest;
import dev.oficio.persistence.Timers;
import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.IllegalTransitionException;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.Validation;
import dev.oficio.shared.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs estimate visits and their deposits end to end: books and secures the deposit through the
 * {@link PaymentService} (a hold when the gateway can hold until the visit is decided, taken by a
 * timer no earlier than the hold window allows; otherwise a charge), applies cancellations,
 * reschedules, attendance and the {@link NoShowPlaybook}'s decisions, and moves the deposit's money
 * exactly once.
 *
 * <p>Each decision is recorded in one unit of work together with its events, its deposit-specific
 * ledger entries and a {@code deposits.settle} timer; the money then moves outside any unit of work
 * with keys derived from the payment ({@code capture:<payment>}, {@code
 * refund:<payment>:deposit}…), so a crash in between is finished by the timer without moving money
 * twice. A charged deposit is reclassified from customer funds held to {@link
 * AccountType#DEPOSITS_HELD} while it waits and back when it settles.
 *
 * <p>Thread-safe.
 */
public final class DepositService {
  private static final Logger LOG = LoggerFactory.getLogger(DepositService.class);

  /** Timer kind that takes a deposit hold once the slot is within the gateway's hold window. */
  public static final String TAKE_HOLD_TIMER = "deposits.take-hold";

  /** Timer kind that moves a decided deposit's money (idempotent). */
  public static final String SETTLE_TIMER = "deposits.settle";

  /** Timer kind that ends a both-attended credit window. */
  public static final String CREDIT_WINDOW_TIMER = "deposits.credit-window";

  /** Time after the visit's end a hold must still cover, for the decision to be made. */
  static final Duration DECISION_ALLOWANCE = Duration.ofHours(24);

  private static final Account CUSTOMER_FUNDS = Account.of(AccountType.CUSTOMER_FUNDS_HELD);
  private static final Account DEPOSITS_HELD = Account.of(AccountType.DEPOSITS_HELD);
  private static final Account REVENUE = Account.of(AccountType.PLATFORM_REVENUE);
  private static final Account PROMO = Account.of(AccountType.PROMO_CREDIT_LIABILITY);

  private final Appointments appointments;
  private final PaymentService payments;
  private final NoShowPlaybook playbook;
  private final LedgerJournal ledger;
  private final Outbox outbox;
  private final Timers timers;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final IdGenerator ids;
  private final Validation validation;

  /**
   * A service over the given ports.
   *
   * @param playbook the playbook, which carries the {@link DepositPolicy}
   */
  public DepositService(
      Appointments appointments,
      PaymentService payments,
      NoShowPlaybook playbook,
      LedgerJournal ledger,
      Outbox outbox,
      Timers timers,
      TransactionRunner transactions,
      Clock clock,
      IdGenerator ids,
      Validation validation) {
    if (appointments == null
        || payments == null
        || playbook == null
        || ledger == null
        || outbox == null
        || timers == null
        || transactions == null
        || clock == null
        || ids == null
        || validation == null) {
      throw ValidationException.of("depositService", "every port is required");
    }
    this.appointments = appointments;
    this.payments = payments;
    this.playbook = playbook;
    this.ledger = ledger;
    this.outbox = outbox;
    this.timers = timers;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
    this.validation = validation;
    payments.addListener(this::onPaymentSettled);
  }

  /** The policy in force. */
  public DepositPolicy policy() {
    return playbook.policy();
  }

  /** The playbook. */
  public NoShowPlaybook playbook() {
    return playbook;
  }

  /** The appointment with {@code id}. */
  public Appointment get(AppointmentId id) {
    return transactions.inTransaction(() -> load(id));
  }

  /**
   * Books a visit and secures its deposit: a charge when the gateway cannot hold, a hold now when
   * the hold would last until the visit is decided, otherwise a timer takes the hold later.
   */
  public Appointment book(BookVisit command) {
    validation.check(command);
    Instant now = clock.instant();
    AppointmentId id = ids.next("apt", AppointmentId::of);
    Appointment appointment =
        Appointment.book(
            id,
            command.customer(),
            command.pro(),
            command.category(),
            command.slotStart(),
            command.slotEnd(),
            command.location(),
            command.deposit(),
            now);
    GatewayCapabilities capabilities = payments.gateway().capabilities();
    if (!capabilities.accepts(command.deposit())) {
      throw ValidationException.of(
          "deposit", payments.gateway().provider() + " does not accept " + command.deposit());
    }
    Payment payment =
        payments.open(
            id.value(),
            command.customer(),
            command.pro(),
            command.deposit().currency(),
            command.paymentMethod());
    appointment.linkPayment(payment.id());
    Optional<Instant> holdFrom = holdFrom(appointment, capabilities);
    transactions.run(
        () -> {
          appointments.save(appointment);
          outbox.appendAll(appointment.pullEvents());
          if (holdFrom.isPresent() && holdFrom.get().isAfter(now)) {
            timers.schedule(
                new TimerRequest("take-hold:" + id, TAKE_HOLD_TIMER, holdFrom.get(), id.value()));
          }
        });
    if (holdFrom.isEmpty()) {
      payments.charge(payment.id(), command.deposit());
    } else if (!holdFrom.get().isAfter(now)) {
      payments.authorize(payment.id(), command.deposit());
    }
    return get(id);
  }

  /** When a hold can be taken, empty when the gateway cannot hold (charge instead). */
  private static Optional<Instant> holdFrom(Appointment a, GatewayCapabilities capabilities) {
    if (!capabilities.holds()) {
      return Optional.empty();
    }
    return Optional.of(a.slotEnd().plus(DECISION_ALLOWANCE).minus(capabilities.maxHoldDuration()));
  }

  /** Takes the deposit hold of a booked visit (the take-hold timer's work); idempotent. */
  public void takeHold(AppointmentId id) {
    Appointment a = get(id);
    if (a.status() != Appointment.Status.BOOKED
        || a.depositStatus() != Appointment.DepositStatus.PENDING) {
      return;
    }
    payments.authorize(paymentOf(a), a.deposit());
  }

  /** The customer cancels: late fee by notice, the rest refunded or released. */
  public Appointment.Cancellation cancelByCustomer(AppointmentId id) {
    return decide(id, a -> a.cancelByCustomer(clock.instant(), policy()));
  }

  /** The pro cancels: full refund to the customer, the rising-scale penalty for the pro. */
  public Appointment.Cancellation cancelByPro(AppointmentId id) {
    return decide(id, a -> a.cancelByPro(clock.instant(), policy()));
  }

  /**
   * Moves the visit; a reschedule inside a fee window is treated as a late cancellation.
   *
   * @return the cancellation when it was treated as one
   */
  public Optional<Appointment.Cancellation> reschedule(
      AppointmentId id, Instant newStart, Instant newEnd) {
    return decide(id, a -> a.reschedule(newStart, newEnd, clock.instant(), policy()));
  }

  /** The pro checks in. */
  public Appointment checkIn(AppointmentId id, GeoPoint position) {
    return change(id, a -> a.checkIn(clock.instant(), position));
  }

  /** The pro checks out. */
  public Appointment checkOut(AppointmentId id) {
    return change(id, a -> a.checkOut(clock.instant()));
  }

  /** The pro tried to reach the customer. */
  public Appointment contactAttempt(AppointmentId id, ContactAttempt.Channel channel) {
    return change(id, a -> a.contactAttempt(new ContactAttempt(channel, clock.instant())));
  }

  /** The customer confirms the visit took place. */
  public Appointment customerConfirms(AppointmentId id) {
    return change(id, a -> a.customerConfirms(clock.instant()));
  }

  /**
   * Runs the playbook now and applies its decision: settles the deposit, or opens a review, or
   * waits for a follow-up job.
   *
   * @param followUp a job booked after the visit, if any
   */
  public Adjudication adjudicate(AppointmentId id, Optional<FollowUpJob> followUp) {
    Instant now = clock.instant();
    return decide(
        id,
        a -> {
          Adjudication decision = playbook.adjudicate(a, now, followUp);
          apply(a, decision, followUp, now);
          return decision;
        });
  }

  /** Records an operator's decision on a review case. */
  public Adjudication decideReview(
      AppointmentId id,
      Party party,
      String reasonCode,
      String operator,
      Optional<FollowUpJob> followUp) {
    Instant now = clock.instant();
    return decide(
        id,
        a -> {
          if (a.status() != Appointment.Status.UNDER_REVIEW) {
            throw new IllegalTransitionException("Appointment", a.status(), "decide review");
          }
          Adjudication decision =
              playbook.decideByOperator(a, party, reasonCode, operator, followUp);
          apply(a, decision, followUp, now);
          return decision;
        });
  }

  /**
   * A job was booked after a both-attended visit: credits the deposit to it if the window is still
   * open, otherwise it is refunded (as the window's end would).
   */
  public Appointment followUpJobBooked(AppointmentId id, JobId job) {
    Instant now = clock.instant();
    FollowUpJob followUp = new FollowUpJob(job, now);
    decide(
        id,
        a -> {
          DepositSettlement s = playbook.settleCreditWindow(a, Optional.of(followUp));
          a.closeCreditWindow(s, s.applied().isZero() ? null : job, now);
          return s;
        });
    return get(id);
  }

  /** Ends a credit window without a job: the deposit is refunded (the timer's work). */
  public void closeCreditWindow(AppointmentId id) {
    Instant now = clock.instant();
    Appointment current = get(id);
    if (current.status() != Appointment.Status.AWAITING_FOLLOW_UP) {
      return;
    }
    decide(
        id,
        a -> {
          DepositSettlement s = playbook.settleCreditWindow(a, Optional.empty());
          a.closeCreditWindow(s, null, now);
          return s;
        });
  }

  private void apply(
      Appointment a, Adjudication decision, Optional<FollowUpJob> followUp, Instant now) {
    int strikes = 0;
    if (decision.party() == Party.PRO_NO_SHOW) {
      strikes =
          appointments.proNoShowsSince(a.pro(), now.minus(policy().strikeWindow())).stream()
                  .filter(other -> !other.id().equals(a.id()))
                  .toList()
                  .size()
              + 1;
    }
    a.adjudicate(decision, strikes, followUp.map(FollowUpJob::job).orElse(null), policy(), now);
    if (decision.creditWindowEnds() != null
        && a.status() == Appointment.Status.AWAITING_FOLLOW_UP) {
      timers.schedule(
          new TimerRequest(
              "credit-window:" + a.id(),
              CREDIT_WINDOW_TIMER,
              decision.creditWindowEnds(),
              a.id().value()));
    }
  }

  /**
   * Loads, changes and saves an appointment in one unit of work with its events, its ledger entries
   * and the settle timer; then moves the money. Retries on a concurrent write.
   */
  private <T> T decide(AppointmentId id, Function<Appointment, T> change) {
    boolean[] settledNow = {false};
    T result = null;
    for (int attempt = 1; ; attempt++) {
      try {
        result =
            transactions.inTransaction(
                () -> {
                  settledNow[0] = false;
                  Appointment a = load(id);
                  boolean wasSettled = a.depositStatus() == Appointment.DepositStatus.SETTLED;
                  T value = change.apply(a);
                  List<DepositEvent> events = a.pullEvents();
                  appointments.save(a);
                  outbox.appendAll(events);
                  recordLedger(a, events);
                  if (!wasSettled && a.depositStatus() == Appointment.DepositStatus.SETTLED) {
                    settledNow[0] = true;
                    timers.schedule(
                        new TimerRequest(
                            "settle:" + a.id(), SETTLE_TIMER, clock.instant(), a.id().value()));
                  }
                  if (a.status() == Appointment.Status.CANCELLED) {
                    timers.cancel("take-hold:" + a.id());
                  }
                  return value;
                });
        break;
      } catch (ConcurrencyException e) {
        if (attempt >= 3) {
          throw e;
        }
      }
    }
    // Outside the retry: only the recorded decision is retried on a concurrent write, never the
    // money, which moves once here (or later by the settle timer) with its own keys.
    if (settledNow[0]) {
      settle(id);
    }
    return result;
  }

  private Appointment change(AppointmentId id, Consumer<Appointment> change) {
    decide(
        id,
        a -> {
          change.accept(a);
          return a;
        });
    return get(id);
  }

  private void recordLedger(Appointment a, List<DepositEvent> events) {
    for (DepositEvent event : events) {
      if (event instanceof CustomerCreditGranted e) {
        ledger.record(
            JournalEntry.builder("deposit-credit:" + a.id(), e.occurredAt(), "goodwill credit")
                .debit(REVENUE, e.amount())
                .credit(PROMO, e.amount())
                .build());
      } else if (event instanceof AppointmentCancelled e
          && e.by().equals("PRO")
          && e.fee().isPositive()) {
        ledger.record(
            JournalEntry.builder(
                    "pro-cancel-penalty:" + a.id(), e.occurredAt(), "pro cancellation penalty")
                .debit(Account.proPayable(a.pro()), e.fee())
                .credit(REVENUE, e.fee())
                .build());
      }
    }
  }

  /**
   * Moves a settled deposit's money; safe to repeat (every call has a fixed key, the release is
   * recorded once). The settle timer runs it again after a crash.
   */
  public void settle(AppointmentId id) {
    Appointment a = get(id);
    Optional<DepositSettlement> found = a.settlement();
    if (found.isEmpty()) {
      return;
    }
    DepositSettlement s = found.get();
    PaymentId paymentId = paymentOf(a);
    Payment payment = payments.get(paymentId);
    unholdDeposit(a);
    Money captureNeeded = s.captured().plus(s.applied());
    Optional<PaymentTransaction> hold = payment.openHold();
    if (hold.isPresent()) {
      GatewayCapabilities capabilities = payments.gateway().capabilities();
      if (captureNeeded.isZero()) {
        payments.voidHold(paymentId, "requested_by_customer");
      } else if (capabilities.partialCapture() || captureNeeded.equals(hold.get().amount())) {
        payments.capture(paymentId, captureNeeded);
      } else {
        payments.capture(paymentId, hold.get().amount());
        payments.refund(paymentId, "deposit", hold.get().amount().minus(captureNeeded), zero(a));
      }
    } else if (s.refund().isPositive() && payment.taken().isPositive()) {
      payments.refund(paymentId, "deposit", s.refund(), zero(a));
    }
    if (s.captured().isPositive()) {
      payments.release(paymentId, s.platformShare(), false);
    }
    transactions.run(() -> timers.cancel("settle:" + id));
  }

  /** Moves a charged deposit back from deposits held to customer funds held before it settles. */
  private void unholdDeposit(Appointment a) {
    transactions.run(
        () ->
            ledger
                .find("deposit-held:" + a.id())
                .ifPresent(
                    held -> {
                      Money amount =
                          held.postings().stream()
                              .filter(p -> p.account().equals(DEPOSITS_HELD))
                              .map(p -> p.amount().negate())
                              .findFirst()
                              .orElseThrow();
                      ledger.record(
                          JournalEntry.builder(
                                  "deposit-unheld:" + a.id(), clock.instant(), "deposit settles")
                              .debit(DEPOSITS_HELD, amount)
                              .credit(CUSTOMER_FUNDS, amount)
                              .build());
                    }));
  }

  /** Reacts to the deposit payment's settlements: a secured deposit, a charge to reclassify. */
  private void onPaymentSettled(Payment payment, PaymentTransaction tx) {
    AppointmentId id;
    try {
      id = AppointmentId.of(payment.reference());
    } catch (ValidationException e) {
      return;
    }
    boolean orphan =
        transactions.inTransaction(
            () -> {
              Optional<Appointment> found = appointments.find(id);
              if (found.isEmpty()
                  || !found.get().payment().map(payment.id()::equals).orElse(false)) {
                return false;
              }
              return recordSettlement(found.get(), tx);
            });
    if (orphan) {
      // The visit was cancelled before its deposit was secured, and the provider secured it
      // afterwards (a late janitor or webhook result): give the money back.
      if (tx.kind() == TransactionKind.AUTHORIZE) {
        payments.voidHold(payment.id(), "abandoned");
      } else {
        payments.refund(
            payment.id(),
            "cancelled-before-secured",
            tx.amount(),
            Money.zero(tx.amount().currency()));
      }
    }
  }

  /** Records a deposit payment's settlement; true if it secured money for a cancelled visit. */
  private boolean recordSettlement(Appointment a, PaymentTransaction tx) {
    {
      boolean secures =
          tx.kind() == TransactionKind.AUTHORIZE || tx.kind() == TransactionKind.CHARGE;
      if (secures
          && tx.status() == TransactionStatus.SUCCEEDED
          && a.status() == Appointment.Status.BOOKED
          && a.depositStatus() == Appointment.DepositStatus.PENDING) {
        a.depositSecured(tx.kind() == TransactionKind.AUTHORIZE, clock.instant());
        List<DepositEvent> events = a.pullEvents();
        appointments.save(a);
        outbox.appendAll(events);
      }
      boolean takesMoney =
          tx.kind() == TransactionKind.CHARGE || tx.kind() == TransactionKind.CAPTURE;
      if (takesMoney
          && tx.status() == TransactionStatus.SUCCEEDED
          && a.depositStatus() != Appointment.DepositStatus.SETTLED) {
        ledger.record(
            JournalEntry.builder("deposit-held:" + a.id(), clock.instant(), "deposit held")
                .debit(CUSTOMER_FUNDS, tx.amount())
                .credit(DEPOSITS_HELD, tx.amount())
                .build());
      }
      if (tx.kind() == TransactionKind.CAPTURE
          && tx.status() == TransactionStatus.DECLINED
          && a.depositStatus() == Appointment.DepositStatus.SETTLED) {
        outbox.append(
            new DepositEvent.DepositCollectionFailed(
                a.id(),
                tx.amount(),
                tx.declineCode() == null ? "declined" : tx.declineCode(),
                clock.instant()));
        LOG.warn(
            "deposit of {} could not be collected: capture declined ({})",
            a.id(),
            tx.declineCode());
      }
      return secures
          && tx.status() == TransactionStatus.SUCCEEDED
          && a.status() == Appointment.Status.CANCELLED
          && a.depositStatus() == Appointment.DepositStatus.PENDING;
    }
  }

  /**
   * The hold expiry decision for deposit payments: capture an expiring hold while the visit is not
   * yet decided (the deposit must survive until then), void it otherwise; other payments go to
   * {@code fallback}.
   */
  public HoldExpiryPolicy holdExpiryPolicy(HoldExpiryPolicy fallback) {
    return payment -> {
      Optional<Appointment> a;
      try {
        a = appointments.find(AppointmentId.of(payment.reference()));
      } catch (ValidationException e) {
        a = Optional.empty();
      }
      if (a.isEmpty() || !a.get().payment().map(payment.id()::equals).orElse(false)) {
        return fallback.decide(payment);
      }
      return a.get().depositStatus() == Appointment.DepositStatus.SETTLED
              || a.get().status() == Appointment.Status.CANCELLED
          ? HoldExpiryPolicy.Decision.VOID
          : HoldExpiryPolicy.Decision.CAPTURE;
    };
  }

  /** Handler of {@link #TAKE_HOLD_TIMER}; run outside a unit of work. */
  public TimerHandler takeHoldHandler() {
    return timer -> takeHold(AppointmentId.of(timer.payload()));
  }

  /** Handler of {@link #SETTLE_TIMER}; run outside a unit of work. */
  public TimerHandler settleHandler() {
    return timer -> settle(AppointmentId.of(timer.payload()));
  }

  /** Handler of {@link #CREDIT_WINDOW_TIMER}; run outside a unit of work. */
  public TimerHandler creditWindowHandler() {
    return timer -> closeCreditWindow(AppointmentId.of(timer.payload()));
  }

  private Appointment load(AppointmentId id) {
    if (id == null) {
      throw ValidationException.of("appointment", "must not be null");
    }
    return appointments.find(id).orElseThrow(() -> new NotFoundException("appointment", id));
  }

  private static PaymentId paymentOf(Appointment a) {
    return a.payment()
        .orElseThrow(() -> ValidationException.of("appointment", a.id() + " has no payment"));
  }

  private static Money zero(Appointment a) {
    return Money.zero(a.deposit().currency());
  }
}
