package dev.oficio.deposits;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happened at an estimate visit: the evidence the {@link NoShowPlaybook} reads. Immutable;
 * each recorded fact gives a new value.
 *
 * @param proCheckIn when the pro checked in, or null
 * @param checkInLocation where the pro checked in, or null if the device gave no position
 * @param proCheckOut when the pro checked out, or null
 * @param customerConfirmedAt when the customer confirmed the visit took place, or null
 * @param contactAttempts the pro's attempts to reach the customer, in recording order
 */
public record Attendance(
    Instant proCheckIn,
    GeoPoint checkInLocation,
    Instant proCheckOut,
    Instant customerConfirmedAt,
    List<ContactAttempt> contactAttempts) {

  /** No evidence yet. */
  public static final Attendance NONE = new Attendance(null, null, null, null, List.of());

  /** Copies the attempts. */
  public Attendance {
    contactAttempts = List.copyOf(contactAttempts);
  }

  Attendance withCheckIn(Instant at, GeoPoint location) {
    return new Attendance(at, location, proCheckOut, customerConfirmedAt, contactAttempts);
  }

  Attendance withCheckOut(Instant at) {
    return new Attendance(proCheckIn, checkInLocation, at, customerConfirmedAt, contactAttempts);
  }

  Attendance withCustomerConfirmation(Instant at) {
    return new Attendance(proCheckIn, checkInLocation, proCheckOut, at, contactAttempts);
  }

  Attendance withContactAttempt(ContactAttempt attempt) {
    List<ContactAttempt> attempts = new ArrayList<>(contactAttempts);
    attempts.add(attempt);
    return new Attendance(proCheckIn, checkInLocation, proCheckOut, customerConfirmedAt, attempts);
  }

  /** How late the pro checked in relative to {@code start}; zero if early, empty if never. */
  public Optional<Duration> lateness(Instant start) {
    if (proCheckIn == null) {
      return Optional.empty();
    }
    Duration late = Duration.between(start, proCheckIn);
    return Optional.of(late.isNegative() ? Duration.ZERO : late);
  }
}
