package dev.oficio;

import dev.oficio.ledger.InMemoryLedgerJournal;
import dev.oficio.ledger.LedgerJournal;
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
import dev.oficio.shared.Validation;
import dev.oficio.shared.ValidationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.LinkedHashMap;
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
  private final TimerRunner timers;

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
    TimerRunner.Builder runner = TimerRunner.builder(timerStore, transactions, clock);
    b.timerHandlers.forEach(runner::handler);
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

    private Builder() {}

    /** The clock (default: system UTC). Tests pass a fixed or mutable clock. */
    public Builder clock(Clock clock) {
      this.clock = require("clock", clock);
      return this;
    }

    /** The id generator (default: UUIDs). */
    public Builder ids(IdGenerator ids) {
      this.ids = require("ids", ids);
      return this;
    }

    /** Validates commands with the host's Jakarta {@link Validator} (default: none). */
    public Builder validator(Validator validator) {
      this.validation = Validation.with(validator);
      return this;
    }

    /** The business calendar (default: {@link BusinessCalendar#puertoRico()}). */
    public Builder calendar(BusinessCalendar calendar) {
      this.calendar = require("calendar", calendar);
      return this;
    }

    /** The unit-of-work runner (default: in-memory). */
    public Builder transactions(TransactionRunner transactions) {
      this.transactions = require("transactions", transactions);
      return this;
    }

    /** The outbox (default: in-memory). */
    public Builder outbox(Outbox outbox) {
      this.outbox = require("outbox", outbox);
      return this;
    }

    /** The inbox (default: in-memory). */
    public Builder inbox(Inbox inbox) {
      this.inbox = require("inbox", inbox);
      return this;
    }

    /** The timer store (default: in-memory). */
    public Builder timers(Timers timers) {
      this.timerStore = require("timers", timers);
      return this;
    }

    /** The ledger (default: in-memory). */
    public Builder ledger(LedgerJournal ledger) {
      this.ledger = require("ledger", ledger);
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
      return new Oficio(this);
    }

    private static <T> T require(String field, T value) {
      if (value == null) {
        throw ValidationException.of(field, "must not be null");
      }
      return value;
    }
  }
}
