package dev.oficio.persistence;

import dev.oficio.shared.DomainEvent;
import java.time.Instant;

/** A minimal event for port contract tests; adapters must be able to store and return it. */
public record TestEvent(String aggregateId, Instant occurredAt, String note)
    implements DomainEvent {
  @Override
  public String aggregateType() {
    return "Test";
  }
}
