package dev.oficio;

import dev.oficio.deposits.Appointments;
import dev.oficio.deposits.DepositPolicy;
import dev.oficio.deposits.DepositService;
import dev.oficio.deposits.InMemoryAppointments;
import dev.oficio.deposits.NoShowPlaybook;
import dev.oficio.fees.FeeResolver;
import dev.oficio.fees.FeeRule;
import dev.oficio.fees.FeeSchedule;
import dev.oficio.fees.FeeSchedules;
import dev.oficio.jobs.CancellationPolicy;
import dev.oficio.jobs.InMemoryJobs;
import dev.oficio.jobs.JobService;
import dev.oficio.jobs.Jobs;
import dev.oficio.ledger.InMemoryLedgerJournal;
import dev.oficio.ledger.LedgerJournal;
import dev.oficio.payments.InMemoryPayeeAccounts;
import dev.oficio.payments.InMemoryPayments;
import dev.oficio.payments.Janitor;
import dev.oficio.payments.PayeeAccounts;
import dev.oficio.payments.PayeeService;
import dev.oficio.payments.PaymentGateway;
import dev.oficio.payments.PaymentService;
import dev.oficio.payments.Payments;
import dev.oficio.payments.ProviderEventVerifier;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.persistence.InMemoryInbox;
import dev.oficio.persistence.InMemoryOutbox;
import dev.oficio.persistence.InMemoryTimers;
import dev.oficio.persistence.Inbox;
import dev.oficio.persistence.Outbox;
import dev.oficio.persistence.TimerHandler;
import dev.oficio.persistence.TimerRunner;
import dev.oficio.persistence.Timers;
import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.BusinessCalendar;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.Rate;
import dev.oficio.shared.Validation;
import dev.oficio.shared.ValidationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point a host service wires once: it holds the ports (clock, ids, persistence, ledger)
 * and hands out Oficio's services. Build it with {@link #builder()}; every port defaults to its
 * in-memory implementation, so {@code Oficio.builder().build()} runs with no set-up. Production
 * hosts plug in {@code OficioJdbc} repositories and a provider gateway.
 *
 * <p>Thread-safe once built.
 */
public final class Oficio {
  private final Clock clock;
  private final IdGenerator ids;
  private final Validation validation;
  private final BusinessCalendar calendar;
  private final TransactionRunner transactions;
  private final Outbox outbox;
  private final Inbox inbox;
  private final Timers timerStore;
  private final LedgerJournal ledger;
  private final Duration janitorEvery;
  private final TimerRunner timers;
  private final PaymentService payments;
  private final PayeeService payees;
  private final JobService jobs;
  private final DepositService deposits;

  private Oficio(Builder b) {
    this.clock = b.clock;
    this.ids = b.ids;
    this.validation = b.validation;
    this.calendar = b.calendar;
    this.transactions = b.transactions;
    this.outbox = b.outbox;
    this.inbox = b.inbox;
    this.timerStore = b.timerStore;
    this.ledger = b.ledger;
    this.janitorEvery = b.janitorEvery;
    PaymentService.Builder paymentsBuilder =
        PaymentService.builder()
            .payments(b.payments)
            .payees(b.payeeAccounts)
            .gateway(b.gateway)
            .ledger(ledger)
            .outbox(outbox)
            .inbox(inbox)
            .timers(timerStore)
            .transactions(transactions)
            .clock(clock)
            .ids(ids);
    b.verifiers.forEach(paymentsBuilder::verifier);
    this.payments = paymentsBuilder.build();
    this.payees = new PayeeService(b.payeeAccounts, transactions, clock);
    this.jobs =
        JobService.builder()
            .jobs(b.jobs)
            .payments(payments)
            .fees(FeeResolver.of(b.feeSchedules))
            .outbox(outbox)
            .transactions(transactions)
            .clock(clock)
            .ids(ids)
            .validation(validation)
            .cancellation(b.cancellation)
            .build();
    this.deposits =
        new DepositService(
            b.appointments,
            payments,
            new NoShowPlaybook(b.depositPolicy, calendar),
            ledger,
            outbox,
            timerStore,
            transactions,
            clock,
            ids,
            validation);
    payments.holdExpiryPolicy(deposits.holdExpiryPolicy(jobs.holdExpiryPolicy()));
    TimerRunner.Builder runner = TimerRunner.builder(timerStore, transactions, clock);
    b.timerHandlers.forEach(runner::handler);
    runner.handlerOutsideTransaction(
        PaymentService.HOLD_EXPIRY_TIMER, payments.holdExpiryHandler());
    runner.handlerOutsideTransaction(
        Janitor.TIMER, payments.janitor().timerHandler(timerStore, b.janitorEvery));
    runner.handlerOutsideTransaction(DepositService.TAKE_HOLD_TIMER, deposits.takeHoldHandler());
    runner.handlerOutsideTransaction(DepositService.SETTLE_TIMER, deposits.settleHandler());
    runner.handlerOutsideTransaction(
        DepositService.CREDIT_WINDOW_TIMER, deposits.creditWindowHandler());
    this.timers = runner.build();
  }

  /** A builder with in-memory defaults, the system UTC clock and UUID ids. */
  public static Builder builder() {
    return new Builder();
  }

  /** The clock every service reads time from. */
  public Clock clock() {
    return clock;
  }

  /** The id generator. */
  public IdGenerator ids() {
    return ids;
  }

  /** Command validation. */
  public Validation validation() {
    return validation;
  }

  /** Business hours and Puerto Rico holidays for SLA deadlines. */
  public BusinessCalendar calendar() {
    return calendar;
  }

  /** The unit-of-work runner. */
  public TransactionRunner transactions() {
    return transactions;
  }

  /** Domain events for the host's relay: poll and acknowledge. */
  public Outbox outbox() {
    return outbox;
  }

  /** Received provider events. */
  public Inbox inbox() {
    return inbox;
  }

  /** The timer runner: call {@code timers().runDue()} from the host's scheduler. */
  public TimerRunner timers() {
    return timers;
  }

  /** The timer store behind {@link #timers()}. */
  public Timers timerStore() {
    return timerStore;
  }

  /** The double-entry ledger. */
  public LedgerJournal ledger() {
    return ledger;
  }

  /**
   * Payments: record intent → call the gateway → record the result; the janitor ({@code
   * payments().janitor().run()}) and the webhook inbox ({@code payments().providerEvents()}).
   */
  public PaymentService payments() {
    return payments;
  }

  /** Pros' payee accounts. */
  public PayeeService payees() {
    return payees;
  }

  /**
   * Estimate visits and their deposits: booking, cancellations, attendance, the no-show playbook.
   */
  public DepositService deposits() {
    return deposits;
  }

  /** Jobs: quote → accept → complete, cancellations, disputes and refunds. */
  public JobService jobs() {
    return jobs;
  }

  /** The payment gateway in use (the simulated one unless the host set another). */
  public PaymentGateway paymentGateway() {
    return payments.gateway();
  }

  /**
   * Schedules the recurring janitor run through the timers (every {@link
   * Builder#janitorEvery(Duration)}); alternatively call {@code payments().janitor().run()} from
   * the host's scheduler.
   */
  public void scheduleJanitor() {
    payments.janitor().schedule(timerStore, janitorEvery);
  }

  /** Wires an {@link Oficio}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.uuid();
    private Validation validation = Validation.none();
    private BusinessCalendar calendar = BusinessCalendar.puertoRico();
    private TransactionRunner transactions;
    private Outbox outbox;
    private Inbox inbox;
    private Timers timerStore;
    private LedgerJournal ledger;
    private final Map<String, TimerHandler> timerHandlers = new LinkedHashMap<>();
    private PaymentGateway gateway;
    private Payments payments;
    private PayeeAccounts payeeAccounts;
    private Jobs jobs;
    private Appointments appointments;
    private DepositPolicy depositPolicy;
    private FeeSchedules feeSchedules;
    private CancellationPolicy cancellation = CancellationPolicy.standard();
    private Duration janitorEvery = Duration.ofMinutes(5);
    private final List<ProviderEventVerifier> verifiers = new ArrayList<>();

    private Builder() {}

    /**
     * The payment gateway (default: a fault-free {@link SimulatedGateway} with the Stripe-like
     * profile, the simulation-safe fallback). A {@link SimulatedGateway}'s webhook verifier is
     * registered automatically.
     */
    public Builder paymentGateway(PaymentGateway gateway) {
      this.gateway = ValidationException.requireNonNull("paymentGateway", gateway);
      return this;
    }

    /** Verifies and parses webhooks of one provider (e.g. the Stripe adapter's verifier). */
    public Builder providerEventVerifier(ProviderEventVerifier verifier) {
      verifiers.add(ValidationException.requireNonNull("providerEventVerifier", verifier));
      return this;
    }

    /** The payments repository (default: in-memory). */
    public Builder payments(Payments payments) {
      this.payments = ValidationException.requireNonNull("payments", payments);
      return this;
    }

    /** The payee accounts repository (default: in-memory). */
    public Builder payeeAccounts(PayeeAccounts payeeAccounts) {
      this.payeeAccounts = ValidationException.requireNonNull("payeeAccounts", payeeAccounts);
      return this;
    }

    /** The jobs repository (default: in-memory). */
    public Builder jobs(Jobs jobs) {
      this.jobs = ValidationException.requireNonNull("jobs", jobs);
      return this;
    }

    /** The appointments repository (default: in-memory). */
    public Builder appointments(Appointments appointments) {
      this.appointments = ValidationException.requireNonNull("appointments", appointments);
      return this;
    }

    /** The deposit and no-show policy (default: {@code DepositPolicy.builder(USD).build()}). */
    public Builder depositPolicy(DepositPolicy depositPolicy) {
      this.depositPolicy = ValidationException.requireNonNull("depositPolicy", depositPolicy);
      return this;
    }

    /**
     * The fee schedules quotes are frozen from (default: one USD schedule {@code oficio-default} v1
     * taking 12% of every job).
     */
    public Builder feeSchedules(FeeSchedules feeSchedules) {
      this.feeSchedules = ValidationException.requireNonNull("feeSchedules", feeSchedules);
      return this;
    }

    /** The cancellation policy of jobs (default: {@link CancellationPolicy#standard()}). */
    public Builder cancellationPolicy(CancellationPolicy cancellation) {
      this.cancellation = ValidationException.requireNonNull("cancellationPolicy", cancellation);
      return this;
    }

    /** How often the scheduled janitor runs (default 5 minutes). */
    public Builder janitorEvery(Duration every) {
      if (every == null || every.isNegative() || every.isZero()) {
        throw ValidationException.of("janitorEvery", "must be positive");
      }
      this.janitorEvery = every;
      return this;
    }

    /** The clock (default: system UTC). Tests pass a fixed or mutable clock. */
    public Builder clock(Clock clock) {
      this.clock = ValidationException.requireNonNull("clock", clock);
      return this;
    }

    /** The id generator (default: UUIDs). */
    public Builder ids(IdGenerator ids) {
      this.ids = ValidationException.requireNonNull("ids", ids);
      return this;
    }

    /** Validates commands with the host's Jakarta {@link Validator} (default: none). */
    public Builder validator(Validator validator) {
      this.validation = Validation.with(validator);
      return this;
    }

    /** The business calendar (default: {@link BusinessCalendar#puertoRico()}). */
    public Builder calendar(BusinessCalendar calendar) {
      this.calendar = ValidationException.requireNonNull("calendar", calendar);
      return this;
    }

    /** The unit-of-work runner (default: in-memory). */
    public Builder transactions(TransactionRunner transactions) {
      this.transactions = ValidationException.requireNonNull("transactions", transactions);
      return this;
    }

    /** The outbox (default: in-memory). */
    public Builder outbox(Outbox outbox) {
      this.outbox = ValidationException.requireNonNull("outbox", outbox);
      return this;
    }

    /** The inbox (default: in-memory). */
    public Builder inbox(Inbox inbox) {
      this.inbox = ValidationException.requireNonNull("inbox", inbox);
      return this;
    }

    /** The timer store (default: in-memory). */
    public Builder timers(Timers timers) {
      this.timerStore = ValidationException.requireNonNull("timers", timers);
      return this;
    }

    /** The ledger (default: in-memory). */
    public Builder ledger(LedgerJournal ledger) {
      this.ledger = ValidationException.requireNonNull("ledger", ledger);
      return this;
    }

    /** Runs the host's own timers of {@code kind} alongside Oficio's. */
    public Builder timerHandler(String kind, TimerHandler handler) {
      if (kind == null || handler == null || timerHandlers.putIfAbsent(kind, handler) != null) {
        throw ValidationException.of("timerHandler", "needs a kind not registered before");
      }
      return this;
    }

    /** The wired {@link Oficio}. */
    public Oficio build() {
      if (transactions == null) {
        transactions = TransactionRunner.inMemory();
      }
      if (outbox == null) {
        outbox = new InMemoryOutbox();
      }
      if (inbox == null) {
        inbox = new InMemoryInbox();
      }
      if (timerStore == null) {
        timerStore = new InMemoryTimers();
      }
      if (ledger == null) {
        ledger = new InMemoryLedgerJournal();
      }
      if (gateway == null) {
        gateway = SimulatedGateway.of(SimulatedProfile.STRIPE_LIKE, clock);
      }
      if (gateway instanceof SimulatedGateway simulated
          && verifiers.stream().noneMatch(v -> v.provider().equals(simulated.provider()))) {
        verifiers.add(simulated.verifier());
      }
      if (payments == null) {
        payments = new InMemoryPayments();
      }
      if (payeeAccounts == null) {
        payeeAccounts = new InMemoryPayeeAccounts();
      }
      if (jobs == null) {
        jobs = new InMemoryJobs();
      }
      if (appointments == null) {
        appointments = new InMemoryAppointments();
      }
      if (depositPolicy == null) {
        depositPolicy = DepositPolicy.builder(Currency.getInstance("USD")).build();
      }
      if (feeSchedules == null) {
        Currency usd = Currency.getInstance("USD");
        feeSchedules =
            FeeSchedules.of(
                FeeSchedule.builder("oficio-default", 1, usd, Instant.EPOCH)
                    .rule(FeeRule.builder("default", usd).lastTier(Rate.parse("12")))
                    .build());
      }
      return new Oficio(this);
    }
  }
}
