package dev.oficio.deposits;

import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Appointments} in memory. Stores snapshots and hands out fresh copies, so an unsaved change
 * is not visible to others and a stale save is refused, as with a database. Thread-safe.
 */
public final class InMemoryAppointments implements Appointments {
  private record Row(Appointment.Snapshot snapshot, long version) {}

  private final Map<AppointmentId, Row> rows = new LinkedHashMap<>();

  /** No appointments. */
  public InMemoryAppointments() {}

  @Override
  public synchronized void save(Appointment appointment) {
    if (appointment == null) {
      throw ValidationException.of("appointment", "must not be null");
    }
    Row stored = rows.get(appointment.id());
    long current = stored == null ? 0 : stored.version();
    if (appointment.version() != current) {
      throw new ConcurrencyException("Appointment", appointment.version());
    }
    rows.put(appointment.id(), new Row(appointment.snapshot(), current + 1));
    appointment.markSaved(current + 1);
  }

  @Override
  public synchronized Optional<Appointment> find(AppointmentId id) {
    Row row = rows.get(id);
    return row == null
        ? Optional.empty()
        : Optional.of(Appointment.restore(row.snapshot(), row.version()));
  }

  @Override
  public synchronized List<Appointment> proNoShowsSince(ProId pro, Instant since) {
    return rows.values().stream()
        .filter(r -> r.snapshot().pro().equals(pro))
        .filter(
            r ->
                r.snapshot().adjudication() != null
                    && r.snapshot().adjudication().party() == Party.PRO_NO_SHOW
                    && !r.snapshot().slotStart().isBefore(since))
        .map(r -> Appointment.restore(r.snapshot(), r.version()))
        .toList();
  }
}
