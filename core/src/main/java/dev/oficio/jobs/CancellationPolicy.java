package dev.oficio.jobs;

import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * What a customer pays for cancelling an accepted job, by notice (time left before the scheduled
 * start): the fee of the first window whose {@code minNotice} the notice reaches, checked from the
 * longest notice down; nothing within {@code freeAfterBooking} of the acceptance; nothing when the
 * pro or the platform cancels. Immutable.
 *
 * @param freeAfterBooking cancelling this soon after acceptance is free (TaskRabbit: 5 minutes)
 * @param windows fee windows; the one with the largest {@code minNotice} not above the notice wins
 */
public record CancellationPolicy(Duration freeAfterBooking, List<Window> windows) {

  /**
   * One fee window.
   *
   * @param minNotice the notice from which this fee applies (inclusive)
   * @param fee the share of the job's price the customer pays
   */
  public record Window(Duration minNotice, Rate fee) {
    /** Checks the fields. */
    public Window {
      if (minNotice == null || minNotice.isNegative() || fee == null) {
        throw ValidationException.of("window", "minNotice must be zero or positive and fee set");
      }
    }
  }

  /** Checks and sorts the windows, longest notice first. */
  public CancellationPolicy {
    if (freeAfterBooking == null || freeAfterBooking.isNegative()) {
      throw ValidationException.of("freeAfterBooking", "must be zero or positive");
    }
    if (windows == null || windows.isEmpty()) {
      throw ValidationException.of("windows", "at least one window is required");
    }
    windows = windows.stream().sorted(Comparator.comparing(Window::minNotice).reversed()).toList();
    if (!windows.get(windows.size() - 1).minNotice().isZero()) {
      throw ValidationException.of("windows", "one window must start at zero notice");
    }
  }

  /**
   * The default: free with 24 hours' notice or more, 25% with 2 to 24 hours, 50% under 2 hours;
   * free within 5 minutes of booking (after TaskRabbit's and Handy's published policies).
   */
  public static CancellationPolicy standard() {
    return new CancellationPolicy(
        Duration.ofMinutes(5),
        List.of(
            new Window(Duration.ofHours(24), Rate.ZERO),
            new Window(Duration.ofHours(2), Rate.parse("25")),
            new Window(Duration.ZERO, Rate.parse("50"))));
  }

  /**
   * The fee share for a cancellation.
   *
   * @param by who cancels
   * @param notice time left before the start (negative once started counts as zero)
   * @param sinceAcceptance time since the job was accepted
   */
  public Rate feeRate(CancelledBy by, Duration notice, Duration sinceAcceptance) {
    if (by != CancelledBy.CUSTOMER || sinceAcceptance.compareTo(freeAfterBooking) <= 0) {
      return Rate.ZERO;
    }
    Duration n = notice.isNegative() ? Duration.ZERO : notice;
    for (Window w : windows) {
      if (n.compareTo(w.minNotice()) >= 0) {
        return w.fee();
      }
    }
    return windows.get(windows.size() - 1).fee();
  }
}
