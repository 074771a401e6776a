package dev.oficio.jdbc;

import dev.oficio.persistence.Outbox;
import dev.oficio.persistence.OutboxMessage;
import dev.oficio.shared.DomainEvent;
import dev.oficio.shared.ValidationException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link Outbox} on the {@code outbox_messages} table. Appends join the caller's unit of work, so
 * an event commits (or rolls back) with the state change that produced it. Each row keeps the event
 * as JSON with its class name, its type, aggregate and time (for the host's relay and for operators
 * reading SQL). Sequences come from an identity column, increasing in append order.
 *
 * <p>Ordering: {@link #poll} returns committed, unpublished rows by sequence. A unit of work that
 * commits late can make a lower sequence visible after a higher one was polled; events of one
 * aggregate stay in order because writers of one aggregate are serialised by its version row.
 */
final class JdbcOutbox implements Outbox {
  private final JdbcTransactionRunner transactions;
  private final EventJson json;
  private final String insert;
  private final String selectPending;
  private final String markPublished;

  JdbcOutbox(JdbcTransactionRunner transactions, String schema, EventJson json) {
    this.transactions = transactions;
    this.json = json;
    String table = schema + ".outbox_messages";
    this.insert =
        "insert into "
            + table
            + " (aggregate_type, aggregate_id, event_type, event_class, payload, occurred_at)"
            + " values (?, ?, ?, ?, ?, ?)";
    this.selectPending =
        "select seq, event_class, payload from "
            + table
            + " where published_at is null order by seq limit ?";
    this.markPublished =
        "update "
            + table
            + " set published_at = current_timestamp where seq = ? and published_at is null";
  }

  @Override
  public void append(DomainEvent event) {
    appendAll(List.of(requireEvent(event)));
  }

  /** Appends the events in one batched statement. */
  @Override
  public void appendAll(Collection<? extends DomainEvent> events) {
    if (events == null) {
      throw ValidationException.of("events", "must not be null");
    }
    List<DomainEvent> checked = new ArrayList<>(events.size());
    for (DomainEvent event : events) {
      checked.add(requireEvent(event));
    }
    if (checked.isEmpty()) {
      return;
    }
    // Serialise before touching the database: a bad event fails the unit before any write.
    List<String> payloads = checked.stream().map(json::write).toList();
    transactions.withConnection(
        "append outbox messages",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (int i = 0; i < checked.size(); i++) {
              DomainEvent event = checked.get(i);
              statement.setString(1, event.aggregateType());
              statement.setString(2, event.aggregateId());
              statement.setString(3, event.type());
              statement.setString(4, event.getClass().getName());
              statement.setString(5, payloads.get(i));
              Sql.setInstant(statement, 6, event.occurredAt());
              if (checked.size() == 1) {
                statement.executeUpdate();
              } else {
                statement.addBatch();
              }
            }
            if (checked.size() > 1) {
              statement.executeBatch();
            }
          }
          return null;
        });
  }

  @Override
  public List<OutboxMessage> poll(int max) {
    if (max <= 0) {
      throw ValidationException.of("max", "must be positive, was " + max);
    }
    return transactions.withConnection(
        "poll outbox",
        connection -> {
          List<OutboxMessage> messages = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(selectPending)) {
            statement.setInt(1, max);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                messages.add(
                    new OutboxMessage(
                        rows.getLong("seq"),
                        json.read(rows.getString("event_class"), rows.getString("payload"))));
              }
            }
          }
          return messages;
        });
  }

  @Override
  public void markPublished(Collection<Long> sequences) {
    if (sequences == null) {
      throw ValidationException.of("sequences", "must not be null");
    }
    if (sequences.isEmpty()) {
      return;
    }
    transactions.withConnection(
        "mark outbox messages published",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(markPublished)) {
            for (Long sequence : sequences) {
              if (sequence == null) {
                throw ValidationException.of("sequences", "must not contain null");
              }
              statement.setLong(1, sequence);
              statement.addBatch();
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  private static DomainEvent requireEvent(DomainEvent event) {
    if (event == null) {
      throw ValidationException.of("event", "must not be null");
    }
    if (event.aggregateType() == null
        || event.aggregateId() == null
        || event.occurredAt() == null) {
      throw ValidationException.of(
          "event", "aggregateType, aggregateId and occurredAt must not be null");
    }
    return event;
  }
}
