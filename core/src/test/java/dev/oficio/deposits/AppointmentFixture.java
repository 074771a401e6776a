package dev.oficio.deposits;

import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;

/** Builds appointments for tests: a $50 deposit for a visit on 2 March 2027, 10:00 in San Juan. */
final class AppointmentFixture {
  static final Currency USD = Currency.getInstance("USD");
  static final GeoPoint SAN_JUAN = new GeoPoint(18.4655, -66.1057);

  private Instant start = pr("2027-03-02T10:00");
  private Instant bookedAt = pr("2027-02-20T09:00");
  private Money deposit = Money.of("50.00", USD);
  private boolean secured = true;

  static AppointmentFixture anAppointment() {
    return new AppointmentFixture();
  }

  /** A local Puerto Rico time (UTC−4). */
  static Instant pr(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + ":00-04:00").toInstant();
  }

  AppointmentFixture startingAt(Instant start) {
    this.start = start;
    return this;
  }

  AppointmentFixture bookedAt(Instant bookedAt) {
    this.bookedAt = bookedAt;
    return this;
  }

  AppointmentFixture withDeposit(String amount) {
    this.deposit = Money.of(amount, USD);
    return this;
  }

  AppointmentFixture notSecured() {
    this.secured = false;
    return this;
  }

  Appointment build() {
    Appointment appointment =
        Appointment.book(
            AppointmentId.of("apt-1"),
            CustomerId.of("c-1"),
            ProId.of("p-17"),
            "electrical",
            start,
            start.plus(Duration.ofHours(1)),
            SAN_JUAN,
            deposit,
            bookedAt);
    if (secured) {
      appointment.depositSecured(true, bookedAt);
    }
    appointment.pullEvents();
    return appointment;
  }
}
