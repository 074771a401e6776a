package dev.oficio.shared;

import java.time.Instant;

/**
 * Something that happened in the domain, appended by an aggregate transition and delivered to the
 * host through the outbox. Each context groups its events under a {@code sealed interface} that
 * extends this one; events are immutable records.
 */
public interface DomainEvent {

  /** The kind of aggregate that emitted the event, e.g. {@code "Job"}. */
  String aggregateType();

  /** The id of the aggregate that emitted the event. */
  String aggregateId();

  /** When it happened, from the injected clock. */
  Instant occurredAt();

  /** A stable event type name for consumers; the record's simple name by default. */
  default String type() {
    return getClass().getSimpleName();
  }
}
