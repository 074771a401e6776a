package dev.oficio.deposits;

import dev.oficio.shared.ValidationException;
import java.time.Duration;

/**
 * A fee that applies when a cancellation gives less notice than {@code noticeBelow}. A cancellation
 * exactly {@code noticeBelow} before the start is outside the window.
 *
 * @param noticeBelow the window's bound: notice strictly shorter than this pays {@code charge}
 * @param charge what it costs
 */
public record CancellationWindow(Duration noticeBelow, CancellationCharge charge) {
  /** Checks the fields. */
  public CancellationWindow {
    if (noticeBelow == null || noticeBelow.isNegative() || noticeBelow.isZero()) {
      throw ValidationException.of("noticeBelow", "must be positive");
    }
    if (charge == null) {
      throw ValidationException.of("charge", "must not be null");
    }
  }
}
