package dev.oficio.persistence;

import java.time.Instant;
import java.util.List;

/**
 * Port: provider events received through webhooks, unique per (provider, event id). Storing is the
 * dedupe: a redelivered event is recognised and not applied twice.
 *
 * <p>Implementations are thread-safe.
 */
public interface Inbox {

  /**
   * Stores an event.
   *
   * @return false if an event with the same provider and id is already stored (a duplicate)
   */
  boolean store(InboxEvent event);

  /** Records that the event was applied. Unknown events are ignored. */
  void markProcessed(String provider, String eventId, Instant processedAt);

  /** Whether the event was stored and applied. */
  boolean isProcessed(String provider, String eventId);

  /** Up to {@code max} stored events not yet applied, in arrival order (for replay). */
  List<InboxEvent> unprocessed(int max);
}
