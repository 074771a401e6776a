package dev.oficio.stripe;

import dev.oficio.shared.ValidationException;

/**
 * A verified webhook delivery after it was stored in the inbox.
 *
 * @param event the event
 * @param duplicate whether the inbox already held this event id as processed (Stripe redelivers for
 *     days)
 */
public record StripeDelivery(StripeEvent event, boolean duplicate) {
  /** Checks the fields. */
  public StripeDelivery {
    if (event == null) {
      throw ValidationException.of("event", "must not be null");
    }
  }

  /**
   * Whether the host should apply the event now: a type Oficio acts on, not yet applied. Mark it
   * processed in the inbox once applied.
   */
  public boolean shouldApply() {
    return !duplicate && !event.ignored();
  }
}
