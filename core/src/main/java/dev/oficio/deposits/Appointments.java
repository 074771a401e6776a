package dev.oficio.deposits;

import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.ProId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Repository port for {@link Appointment}s. {@link #save} checks the version the appointment was
 * loaded with and raises {@link dev.oficio.shared.ConcurrencyException} on a stale write.
 *
 * <p>Implementations are thread-safe.
 */
public interface Appointments {

  /** Inserts or updates; increments the appointment's version. */
  void save(Appointment appointment);

  /** The appointment with {@code id}, if any. */
  Optional<Appointment> find(AppointmentId id);

  /** Appointments of {@code pro} decided as a pro no-show at or after {@code since}. */
  List<Appointment> proNoShowsSince(ProId pro, Instant since);
}
