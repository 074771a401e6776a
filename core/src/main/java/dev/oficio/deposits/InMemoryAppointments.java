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
 * {@link Appointments} in memory. Keeps the stored instance and its saved version; a save of an
 * instance whose version differs from the stored one is stale. Thread-safe.
 */
public final class InMemoryAppointments implements Appointments {
  private final Map<AppointmentId, Appointment> byId = new LinkedHashMap<>();
  private final Map<AppointmentId, Long> versions = new LinkedHashMap<>();
  private final Map<AppointmentId, Instant> proNoShowAt = new LinkedHashMap<>();

  /** No appointments. */
  public InMemoryAppointments() {}

  @Override
  public synchronized void save(Appointment appointment) {
    if (appointment == null) {
      throw ValidationException.of("appointment", "must not be null");
    }
    long stored = versions.getOrDefault(appointment.id(), 0L);
    if (appointment.version() != stored) {
      throw new ConcurrencyException("Appointment", appointment.version());
    }
    appointment.version(stored + 1);
    versions.put(appointment.id(), stored + 1);
    byId.put(appointment.id(), appointment);
    appointment
        .adjudication()
        .filter(a -> a.party() == Party.PRO_NO_SHOW)
        .ifPresent(a -> proNoShowAt.putIfAbsent(appointment.id(), appointment.slotStart()));
  }

  @Override
  public synchronized Optional<Appointment> find(AppointmentId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Appointment> proNoShowsSince(ProId pro, Instant since) {
    return proNoShowAt.entrySet().stream()
        .filter(e -> !e.getValue().isBefore(since))
        .map(e -> byId.get(e.getKey()))
        .filter(a -> a.pro().equals(pro))
        .toList();
  }
}
