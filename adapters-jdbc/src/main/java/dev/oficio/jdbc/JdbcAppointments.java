package dev.oficio.jdbc;

import dev.oficio.deposits.Adjudication;
import dev.oficio.deposits.Appointment;
import dev.oficio.deposits.Appointments;
import dev.oficio.deposits.Party;
import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Appointments} on the {@code appointments} table: the appointment's snapshot as a JSON
 * document, its states, pro, slot and adjudicated party as query columns, and a {@code version} for
 * optimistic locking.
 */
final class JdbcAppointments implements Appointments {
  private final JdbcTransactionRunner transactions;
  private final EventJson json;
  private final String table;
  private final String selectById;
  private final String selectNoShows;

  JdbcAppointments(JdbcTransactionRunner transactions, String schema, EventJson json) {
    this.transactions = transactions;
    this.json = json;
    this.table = schema + ".appointments";
    this.selectById = "select version, document from " + table + " where appointment_id = ?";
    this.selectNoShows =
        "select version, document from "
            + table
            + " where pro_id = ? and party = ? and slot_start >= ? order by slot_start,"
            + " appointment_id";
  }

  @Override
  public void save(Appointment appointment) {
    if (appointment == null) {
      throw ValidationException.of("appointment", "must not be null");
    }
    Appointment.Snapshot snapshot = appointment.snapshot();
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("status", snapshot.status());
    columns.put("deposit_status", snapshot.depositStatus());
    columns.put("pro_id", snapshot.pro().value());
    columns.put("slot_start", snapshot.slotStart());
    columns.put(
        "party",
        Optional.ofNullable(snapshot.adjudication()).map(Adjudication::party).orElse(null));
    columns.put("document", json.writeDocument(snapshot));
    String id = snapshot.id().value();
    long version =
        transactions.withConnection(
            "save appointment",
            connection ->
                OptimisticLocking.save(
                    connection,
                    table,
                    "Appointment",
                    "appointment_id",
                    id,
                    appointment.version(),
                    columns));
    appointment.markSaved(version);
  }

  @Override
  public Optional<Appointment> find(AppointmentId id) {
    if (id == null) {
      throw ValidationException.of("appointment", "must not be null");
    }
    return transactions.withConnection(
        "find appointment",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(selectById)) {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<Appointment> proNoShowsSince(ProId pro, Instant since) {
    if (pro == null || since == null) {
      throw ValidationException.of("proNoShowsSince", "pro and since are required");
    }
    return transactions.withConnection(
        "find pro no-shows",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(selectNoShows)) {
            statement.setString(1, pro.value());
            statement.setString(2, Party.PRO_NO_SHOW.name());
            Sql.setInstant(statement, 3, since);
            List<Appointment> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                found.add(read(rows));
              }
            }
            return found;
          }
        });
  }

  private Appointment read(ResultSet rows) throws SQLException {
    Appointment.Snapshot snapshot =
        json.readDocument(rows.getString("document"), Appointment.Snapshot.class);
    return Appointment.restore(snapshot, rows.getLong("version"));
  }
}
