package dev.oficio.deposits;

import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * The rules for estimate deposits: cancellation windows for customers and pros, reschedule limits
 * and the thresholds of the {@link NoShowPlaybook}. Defaults follow the field's practice
 * (reference: marketplace-policies.md): free cancellation in the first 5 minutes after booking and
 * from 24 hours out; half the deposit from 24 to 2 hours; the whole deposit under 2 hours; a pro
 * cancels free within 4 hours of accepting, then pays $10 / $20 / $40 as the start nears; a pro who
 * checks in more than 30 minutes late is a no-show; a customer no-show needs the pro on time, two
 * contact attempts and a 30-minute wait.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(Currency)}.
 */
public final class DepositPolicy {

  /** What happens to the deposit when both parties attended. */
  public enum BothAttended {
    /** Credit it to a job booked within {@link #applyCreditWithin()}, otherwise refund it. */
    APPLY_TO_JOB_OR_REFUND,
    /** Always refund it. */
    REFUND
  }

  private final Currency currency;
  private final Duration freeCancellationAfterBooking;
  private final List<CancellationWindow> customerWindows;
  private final Duration proFreeAfterAccepting;
  private final List<CancellationWindow> proWindows;
  private final Duration rescheduleFreeUntil;
  private final int maxReschedules;
  private final Duration onTimeGrace;
  private final Duration latenessThreshold;
  private final int minContactAttempts;
  private final Duration minWait;
  private final Rate customerNoShowProShare;
  private final Money proNoShowCustomerCredit;
  private final Duration strikeWindow;
  private final int strikesToSuspend;
  private final BothAttended bothAttended;
  private final Duration applyCreditWithin;
  private final long reviewSlaBusinessHours;
  private final long geofenceMeters;

  private DepositPolicy(Builder b) {
    this.currency = b.currency;
    this.freeCancellationAfterBooking = b.freeCancellationAfterBooking;
    this.customerWindows = sorted(b.customerWindows);
    this.proFreeAfterAccepting = b.proFreeAfterAccepting;
    this.proWindows = sorted(b.proWindows);
    this.rescheduleFreeUntil = b.rescheduleFreeUntil;
    this.maxReschedules = b.maxReschedules;
    this.onTimeGrace = b.onTimeGrace;
    this.latenessThreshold = b.latenessThreshold;
    this.minContactAttempts = b.minContactAttempts;
    this.minWait = b.minWait;
    this.customerNoShowProShare = b.customerNoShowProShare;
    this.proNoShowCustomerCredit = b.proNoShowCustomerCredit;
    this.strikeWindow = b.strikeWindow;
    this.strikesToSuspend = b.strikesToSuspend;
    this.bothAttended = b.bothAttended;
    this.applyCreditWithin = b.applyCreditWithin;
    this.reviewSlaBusinessHours = b.reviewSlaBusinessHours;
    this.geofenceMeters = b.geofenceMeters;
  }

  /** The default policy in {@code currency}; adjust with the builder's setters. */
  public static Builder builder(Currency currency) {
    return new Builder(currency);
  }

  private static List<CancellationWindow> sorted(List<CancellationWindow> windows) {
    List<CancellationWindow> copy = new ArrayList<>(windows);
    copy.sort(Comparator.comparing(CancellationWindow::noticeBelow));
    return List.copyOf(copy);
  }

  /**
   * The fee a customer pays for cancelling with {@code notice} before the start, {@code
   * sinceBooking} after booking, on a deposit of {@code deposit}. Zero inside the free period after
   * booking and when the notice is outside every window; otherwise the narrowest window's charge.
   */
  public Money customerCancellationFee(Duration notice, Duration sinceBooking, Money deposit) {
    if (sinceBooking.compareTo(freeCancellationAfterBooking) <= 0) {
      return Money.zero(deposit.currency());
    }
    return charge(customerWindows, notice, deposit);
  }

  /**
   * The penalty a pro owes for cancelling with {@code notice} before the start, {@code
   * sinceAccepting} after accepting the appointment. The percentage part applies to {@code
   * deposit}.
   */
  public Money proCancellationPenalty(Duration notice, Duration sinceAccepting, Money deposit) {
    if (sinceAccepting.compareTo(proFreeAfterAccepting) <= 0) {
      return Money.zero(deposit.currency());
    }
    return charge(proWindows, notice, deposit);
  }

  private static Money charge(List<CancellationWindow> windows, Duration notice, Money deposit) {
    for (CancellationWindow window : windows) {
      if (notice.compareTo(window.noticeBelow()) < 0) {
        return window.charge().against(deposit);
      }
    }
    return Money.zero(deposit.currency());
  }

  /** The currency of fixed amounts. */
  public Currency currency() {
    return currency;
  }

  /** Cancelling within this time after booking is free. */
  public Duration freeCancellationAfterBooking() {
    return freeCancellationAfterBooking;
  }

  /** Customer cancellation windows, narrowest first. */
  public List<CancellationWindow> customerWindows() {
    return customerWindows;
  }

  /** A pro cancels free within this time after accepting. */
  public Duration proFreeAfterAccepting() {
    return proFreeAfterAccepting;
  }

  /** Pro cancellation windows, narrowest first: the rising scale. */
  public List<CancellationWindow> proWindows() {
    return proWindows;
  }

  /** Rescheduling is free until this long before the start. */
  public Duration rescheduleFreeUntil() {
    return rescheduleFreeUntil;
  }

  /** How many times an appointment may be rescheduled. */
  public int maxReschedules() {
    return maxReschedules;
  }

  /** A pro checking in at most this long after the start is on time. */
  public Duration onTimeGrace() {
    return onTimeGrace;
  }

  /** A pro arriving later than this after the start is a no-show. */
  public Duration latenessThreshold() {
    return latenessThreshold;
  }

  /** Contact attempts a pro must make before a customer no-show. */
  public int minContactAttempts() {
    return minContactAttempts;
  }

  /** How long a pro must wait after the start (or check-in, if later) before leaving. */
  public Duration minWait() {
    return minWait;
  }

  /** The pro's share of a deposit captured for a customer no-show; the platform keeps the rest. */
  public Rate customerNoShowProShare() {
    return customerNoShowProShare;
  }

  /** Credit granted to a customer whose pro did not show; zero for none. */
  public Money proNoShowCustomerCredit() {
    return proNoShowCustomerCredit;
  }

  /** Strikes are counted within this window. */
  public Duration strikeWindow() {
    return strikeWindow;
  }

  /** Strikes within {@link #strikeWindow()} that suspend a pro. */
  public int strikesToSuspend() {
    return strikesToSuspend;
  }

  /** What both-attended visits do with the deposit. */
  public BothAttended bothAttended() {
    return bothAttended;
  }

  /** A job booked within this time after the visit receives the deposit as credit. */
  public Duration applyCreditWithin() {
    return applyCreditWithin;
  }

  /** Business hours an operator has to decide a review case. */
  public long reviewSlaBusinessHours() {
    return reviewSlaBusinessHours;
  }

  /** A check-in farther than this from the appointment's location is conflicting evidence. */
  public long geofenceMeters() {
    return geofenceMeters;
  }

  /** Settings of a {@link DepositPolicy}, starting from the defaults. Not thread-safe. */
  public static final class Builder {
    private final Currency currency;
    private Duration freeCancellationAfterBooking = Duration.ofMinutes(5);
    private List<CancellationWindow> customerWindows;
    private Duration proFreeAfterAccepting = Duration.ofHours(4);
    private List<CancellationWindow> proWindows;
    private Duration rescheduleFreeUntil = Duration.ofHours(24);
    private int maxReschedules = 2;
    private Duration onTimeGrace = Duration.ofMinutes(10);
    private Duration latenessThreshold = Duration.ofMinutes(30);
    private int minContactAttempts = 2;
    private Duration minWait = Duration.ofMinutes(30);
    private Rate customerNoShowProShare = Rate.parse("80");
    private Money proNoShowCustomerCredit;
    private Duration strikeWindow = Duration.ofDays(28);
    private int strikesToSuspend = 2;
    private BothAttended bothAttended = BothAttended.APPLY_TO_JOB_OR_REFUND;
    private Duration applyCreditWithin = Duration.ofDays(14);
    private long reviewSlaBusinessHours = 8;
    private long geofenceMeters = 500;

    private Builder(Currency currency) {
      if (currency == null) {
        throw ValidationException.of("currency", "must not be null");
      }
      this.currency = currency;
      this.customerWindows =
          List.of(
              new CancellationWindow(
                  Duration.ofHours(24), CancellationCharge.percent(currency, Rate.parse("50"))),
              new CancellationWindow(
                  Duration.ofHours(2), CancellationCharge.percent(currency, Rate.HUNDRED)));
      this.proWindows =
          List.of(
              new CancellationWindow(
                  Duration.ofHours(72), CancellationCharge.fixed(Money.of("10.00", currency))),
              new CancellationWindow(
                  Duration.ofHours(24), CancellationCharge.fixed(Money.of("20.00", currency))),
              new CancellationWindow(
                  Duration.ofHours(2), CancellationCharge.fixed(Money.of("40.00", currency))));
      this.proNoShowCustomerCredit = Money.of("10.00", currency);
    }

    /** Free cancellation period right after booking. */
    public Builder freeCancellationAfterBooking(Duration value) {
      this.freeCancellationAfterBooking = nonNegative("freeCancellationAfterBooking", value);
      return this;
    }

    /** Customer cancellation windows (any order; bounds must differ). */
    public Builder customerWindows(List<CancellationWindow> windows) {
      this.customerWindows = windows("customerWindows", windows);
      return this;
    }

    /** Free period for a pro after accepting. */
    public Builder proFreeAfterAccepting(Duration value) {
      this.proFreeAfterAccepting = nonNegative("proFreeAfterAccepting", value);
      return this;
    }

    /** Pro cancellation windows: the rising scale (any order; bounds must differ). */
    public Builder proWindows(List<CancellationWindow> windows) {
      this.proWindows = windows("proWindows", windows);
      return this;
    }

    /** Free rescheduling until this long before the start, at most {@code max} times. */
    public Builder reschedule(Duration freeUntil, int max) {
      this.rescheduleFreeUntil = nonNegative("rescheduleFreeUntil", freeUntil);
      if (max < 0) {
        throw ValidationException.of("maxReschedules", "must be zero or positive");
      }
      this.maxReschedules = max;
      return this;
    }

    /** On-time grace and the lateness that makes a pro a no-show (grace ≤ lateness). */
    public Builder lateness(Duration onTimeGrace, Duration noShowAfter) {
      this.onTimeGrace = nonNegative("onTimeGrace", onTimeGrace);
      this.latenessThreshold = nonNegative("latenessThreshold", noShowAfter);
      if (onTimeGrace.compareTo(noShowAfter) > 0) {
        throw ValidationException.of("onTimeGrace", "must not exceed latenessThreshold");
      }
      return this;
    }

    /** Evidence a customer no-show needs: contact attempts and minutes waited. */
    public Builder customerNoShowEvidence(int minContactAttempts, Duration minWait) {
      if (minContactAttempts < 0) {
        throw ValidationException.of("minContactAttempts", "must be zero or positive");
      }
      this.minContactAttempts = minContactAttempts;
      this.minWait = nonNegative("minWait", minWait);
      return this;
    }

    /** The pro's share of a captured no-show deposit. */
    public Builder customerNoShowProShare(Rate share) {
      if (share == null) {
        throw ValidationException.of("customerNoShowProShare", "must not be null");
      }
      this.customerNoShowProShare = share;
      return this;
    }

    /** Credit for a customer whose pro did not show (zero for none). */
    public Builder proNoShowCustomerCredit(Money credit) {
      if (credit == null || credit.isNegative() || !credit.currency().equals(currency)) {
        throw ValidationException.of(
            "proNoShowCustomerCredit", "must be zero or positive in " + currency);
      }
      this.proNoShowCustomerCredit = credit;
      return this;
    }

    /** Strikes within {@code window} that suspend a pro. */
    public Builder strikes(Duration window, int toSuspend) {
      this.strikeWindow = nonNegative("strikeWindow", window);
      if (toSuspend < 1) {
        throw ValidationException.of("strikesToSuspend", "must be at least 1");
      }
      this.strikesToSuspend = toSuspend;
      return this;
    }

    /** What both-attended visits do, and the window for applying the deposit to a job. */
    public Builder bothAttended(BothAttended outcome, Duration applyCreditWithin) {
      if (outcome == null) {
        throw ValidationException.of("bothAttended", "must not be null");
      }
      this.bothAttended = outcome;
      this.applyCreditWithin = nonNegative("applyCreditWithin", applyCreditWithin);
      return this;
    }

    /** Business hours an operator has to decide a review. */
    public Builder reviewSlaBusinessHours(long hours) {
      if (hours < 1) {
        throw ValidationException.of("reviewSlaBusinessHours", "must be at least 1");
      }
      this.reviewSlaBusinessHours = hours;
      return this;
    }

    /** Maximum distance between check-in and the location, in metres. */
    public Builder geofenceMeters(long meters) {
      if (meters < 1) {
        throw ValidationException.of("geofenceMeters", "must be at least 1");
      }
      this.geofenceMeters = meters;
      return this;
    }

    /** The policy. */
    public DepositPolicy build() {
      for (CancellationWindow w : customerWindows) {
        checkCurrency("customerWindows", w);
      }
      for (CancellationWindow w : proWindows) {
        checkCurrency("proWindows", w);
      }
      return new DepositPolicy(this);
    }

    private void checkCurrency(String field, CancellationWindow window) {
      if (!window.charge().fixed().currency().equals(currency)) {
        throw ValidationException.of(field, "fixed charges must be in " + currency);
      }
    }

    private static Duration nonNegative(String field, Duration value) {
      if (value == null || value.isNegative()) {
        throw ValidationException.of(field, "must be zero or positive");
      }
      return value;
    }

    private static List<CancellationWindow> windows(
        String field, List<CancellationWindow> windows) {
      if (windows == null) {
        throw ValidationException.of(field, "must not be null (use an empty list)");
      }
      long distinct = windows.stream().map(CancellationWindow::noticeBelow).distinct().count();
      if (distinct != windows.size()) {
        throw ValidationException.of(field, "two windows have the same notice bound");
      }
      return List.copyOf(windows);
    }
  }
}
