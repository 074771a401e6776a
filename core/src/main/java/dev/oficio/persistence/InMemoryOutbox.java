package dev.oficio.persistence;

import dev.oficio.shared.DomainEvent;
import dev.oficio.shared.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link Outbox} in memory, for tests, examples and single-process hosts. Thread-safe. */
public final class InMemoryOutbox implements Outbox {
  private final Map<Long, DomainEvent> pending = new TreeMap<>();
  private final List<OutboxMessage> all = new ArrayList<>();
  private long nextSequence = 1;

  /** An empty outbox. */
  public InMemoryOutbox() {}

  @Override
  public synchronized void append(DomainEvent event) {
    if (event == null) {
      throw ValidationException.of("event", "must not be null");
    }
    long sequence = nextSequence++;
    pending.put(sequence, event);
    all.add(new OutboxMessage(sequence, event));
  }

  @Override
  public synchronized List<OutboxMessage> poll(int max) {
    if (max <= 0) {
      throw ValidationException.of("max", "must be positive, was " + max);
    }
    return pending.entrySet().stream()
        .limit(max)
        .map(e -> new OutboxMessage(e.getKey(), e.getValue()))
        .toList();
  }

  @Override
  public synchronized void markPublished(Collection<Long> sequences) {
    sequences.forEach(pending::remove);
  }

  /** Every message ever appended, published or not, in order; for tests and the examples. */
  public synchronized List<OutboxMessage> history() {
    return List.copyOf(all);
  }
}
