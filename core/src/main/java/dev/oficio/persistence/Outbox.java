package dev.oficio.persistence;

import dev.oficio.shared.DomainEvent;
import java.util.Collection;
import java.util.List;

/**
 * Port: domain events written in the same unit of work as the state change that produced them, then
 * drained by the host's relay to its broker. Delivery is at least once; consumers dedupe by {@link
 * OutboxMessage#sequence()}. Order is preserved per aggregate (and, in the in-memory and JDBC
 * implementations, globally by sequence).
 *
 * <p>Implementations are thread-safe.
 */
public interface Outbox {

  /** Appends one event; call inside the unit of work that changed the aggregate. */
  void append(DomainEvent event);

  /** Appends events in order. */
  default void appendAll(Collection<? extends DomainEvent> events) {
    events.forEach(this::append);
  }

  /**
   * Up to {@code max} unpublished messages, oldest first. Polling does not remove them: a relay
   * that crashes before {@link #markPublished} sees them again.
   */
  List<OutboxMessage> poll(int max);

  /** Acknowledges delivered messages; unknown or already published sequences are ignored. */
  void markPublished(Collection<Long> sequences);
}
