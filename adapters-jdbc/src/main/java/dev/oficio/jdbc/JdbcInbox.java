package dev.oficio.jdbc;

import dev.oficio.persistence.Inbox;
import dev.oficio.persistence.InboxEvent;
import dev.oficio.shared.ValidationException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Inbox} on the {@code inbox_events} table, whose primary key (provider, event_id) is the
 * dedupe: storing a redelivered event inserts nothing, even when two deliveries race.
 */
final class JdbcInbox implements Inbox {
  private final JdbcTransactionRunner transactions;
  private final String insert;
  private final String markProcessed;
  private final String selectProcessed;
  private final String selectUnprocessed;

  JdbcInbox(JdbcTransactionRunner transactions, String schema) {
    this.transactions = transactions;
    String table = schema + ".inbox_events";
    this.insert =
        "insert into "
            + table
            + " (provider, event_id, event_type, received_at, raw_body) values (?, ?, ?, ?, ?)"
            + " on conflict do nothing";
    this.markProcessed =
        "update "
            + table
            + " set processed_at = ? where provider = ? and event_id = ? and processed_at is null";
    this.selectProcessed =
        "select processed_at from " + table + " where provider = ? and event_id = ?";
    this.selectUnprocessed =
        "select provider, event_id, event_type, received_at, raw_body from "
            + table
            + " where processed_at is null order by seq limit ?";
  }

  @Override
  public boolean store(InboxEvent event) {
    if (event == null) {
      throw ValidationException.of("event", "must not be null");
    }
    return transactions.withConnection(
        "store inbox event",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, event.provider());
            statement.setString(2, event.eventId());
            statement.setString(3, event.type());
            Sql.setInstant(statement, 4, event.receivedAt());
            statement.setString(5, event.rawBody());
            return statement.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void markProcessed(String provider, String eventId, Instant processedAt) {
    if (processedAt == null) {
      throw ValidationException.of("processedAt", "must not be null");
    }
    transactions.withConnection(
        "mark inbox event processed",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(markProcessed)) {
            Sql.setInstant(statement, 1, processedAt);
            statement.setString(2, provider);
            statement.setString(3, eventId);
            return statement.executeUpdate();
          }
        });
  }

  @Override
  public boolean isProcessed(String provider, String eventId) {
    return transactions.withConnection(
        "read inbox event",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(selectProcessed)) {
            statement.setString(1, provider);
            statement.setString(2, eventId);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() && Sql.getInstant(rows, "processed_at") != null;
            }
          }
        });
  }

  @Override
  public List<InboxEvent> unprocessed(int max) {
    if (max <= 0) {
      throw ValidationException.of("max", "must be positive, was " + max);
    }
    return transactions.withConnection(
        "list unprocessed inbox events",
        connection -> {
          List<InboxEvent> events = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(selectUnprocessed)) {
            statement.setInt(1, max);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                events.add(
                    new InboxEvent(
                        rows.getString("provider"),
                        rows.getString("event_id"),
                        rows.getString("event_type"),
                        Sql.getInstant(rows, "received_at"),
                        rows.getString("raw_body")));
              }
            }
          }
          return events;
        });
  }
}
