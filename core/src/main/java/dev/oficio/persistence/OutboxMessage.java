package dev.oficio.persistence;

import dev.oficio.shared.DomainEvent;

/**
 * A domain event waiting in the {@link Outbox} for the host's relay.
 *
 * @param sequence position in the outbox, increasing in append order; the relay acknowledges it
 * @param event the event
 */
public record OutboxMessage(long sequence, DomainEvent event) {}
