package dev.oficio.deposits;

import dev.oficio.shared.ValidationException;
import java.time.Instant;

/**
 * A pro's attempt to reach an absent customer.
 *
 * @param channel how
 * @param at when
 */
public record ContactAttempt(Channel channel, Instant at) {

  /** How a pro tried to reach the customer. */
  public enum Channel {
    /** A phone call. */
    CALL,
    /** An SMS. */
    TEXT,
    /** The marketplace's in-app chat. */
    CHAT
  }

  /** Checks the fields. */
  public ContactAttempt {
    if (channel == null || at == null) {
      throw ValidationException.of("contactAttempt", "needs a channel and a time");
    }
  }
}
