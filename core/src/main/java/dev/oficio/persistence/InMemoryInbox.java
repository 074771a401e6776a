package dev.oficio.persistence;

import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Inbox} in memory. Thread-safe. */
public final class InMemoryInbox implements Inbox {
  private final Map<String, InboxEvent> events = new LinkedHashMap<>();
  private final Map<String, Instant> processed = new HashMap<>();

  /** An empty inbox. */
  public InMemoryInbox() {}

  @Override
  public synchronized boolean store(InboxEvent event) {
    if (event == null) {
      throw ValidationException.of("event", "must not be null");
    }
    return events.putIfAbsent(key(event.provider(), event.eventId()), event) == null;
  }

  @Override
  public synchronized void markProcessed(String provider, String eventId, Instant processedAt) {
    String key = key(provider, eventId);
    if (events.containsKey(key)) {
      processed.putIfAbsent(key, processedAt);
    }
  }

  @Override
  public synchronized boolean isProcessed(String provider, String eventId) {
    return processed.containsKey(key(provider, eventId));
  }

  @Override
  public synchronized List<InboxEvent> unprocessed(int max) {
    if (max <= 0) {
      throw ValidationException.of("max", "must be positive, was " + max);
    }
    return events.entrySet().stream()
        .filter(e -> !processed.containsKey(e.getKey()))
        .limit(max)
        .map(Map.Entry::getValue)
        .toList();
  }

  private static String key(String provider, String eventId) {
    return provider + '\u0000' + eventId;
  }
}
