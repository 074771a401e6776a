package dev.oficio.jackson;

import static dev.oficio.jackson.StrictJson.array;
import static dev.oficio.jackson.StrictJson.decimal;
import static dev.oficio.jackson.StrictJson.enumValue;
import static dev.oficio.jackson.StrictJson.instant;
import static dev.oficio.jackson.StrictJson.number;
import static dev.oficio.jackson.StrictJson.object;
import static dev.oficio.jackson.StrictJson.optional;
import static dev.oficio.jackson.StrictJson.required;
import static dev.oficio.jackson.StrictJson.text;

import dev.oficio.deposits.Appointment;
import dev.oficio.deposits.ContactAttempt;
import dev.oficio.deposits.FollowUpJob;
import dev.oficio.deposits.GeoPoint;
import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads one recorded estimate visit (a support case) for the no-show playbook:
 *
 * <pre>{@code
 * { "appointment": { "id": "apt-1", "customer": "c-1", "pro": "p-17", "category": "electrical",
 *     "slotStart": "2027-03-02T10:00:00-04:00", "slotEnd": "2027-03-02T11:00:00-04:00",
 *     "location": {"latitude": 18.4655, "longitude": -66.1057},
 *     "deposit": "50.00", "currency": "USD", "bookedAt": "2027-02-20T09:00:00-04:00" },
 *   "attendance": { "proCheckIn": "2027-03-02T09:58:00-04:00",
 *     "checkInLocation": {"latitude": 18.4655, "longitude": -66.1057},
 *     "proCheckOut": "2027-03-02T10:31:00-04:00", "customerConfirmedAt": null,
 *     "contactAttempts": [ {"channel": "CALL", "at": "2027-03-02T10:02:00-04:00"} ] },
 *   "decideAt": "2027-03-02T10:31:00-04:00",
 *   "followUpJob": null }
 * }</pre>
 *
 * The deposit is taken as secured. Errors name the JSON path.
 */
public final class DepositCaseJson {

  /**
   * A recorded case.
   *
   * @param appointment the appointment with its attendance evidence applied
   * @param decideAt when to decide
   * @param followUpJob a job booked after the visit, if any
   */
  public record DepositCase(
      Appointment appointment, Instant decideAt, Optional<FollowUpJob> followUpJob) {}

  private DepositCaseJson() {}

  /**
   * Parses a case.
   *
   * @throws ValidationException naming the JSON path of the first problem
   */
  public static DepositCase read(String json) {
    JsonNode root =
        object(
            StrictJson.parse(json),
            "$",
            Set.of("appointment", "attendance", "decideAt", "followUpJob"));
    JsonNode a =
        object(
            required(root, "$", "appointment"),
            "$.appointment",
            Set.of(
                "id",
                "customer",
                "pro",
                "category",
                "slotStart",
                "slotEnd",
                "location",
                "deposit",
                "currency",
                "bookedAt"));
    String p = "$.appointment";
    Currency currency = StrictJson.currency(required(a, p, "currency"), p + ".currency");
    Money deposit;
    try {
      deposit = Money.of(decimal(required(a, p, "deposit"), p + ".deposit"), currency);
    } catch (ValidationException e) {
      throw ValidationException.of(p + ".deposit", e.violations().get(0).message());
    }
    Instant bookedAt = instant(required(a, p, "bookedAt"), p + ".bookedAt");
    Appointment appointment =
        Appointment.book(
            AppointmentId.of(text(required(a, p, "id"), p + ".id")),
            CustomerId.of(text(required(a, p, "customer"), p + ".customer")),
            ProId.of(text(required(a, p, "pro"), p + ".pro")),
            text(required(a, p, "category"), p + ".category"),
            instant(required(a, p, "slotStart"), p + ".slotStart"),
            instant(required(a, p, "slotEnd"), p + ".slotEnd"),
            optional(a, "location").map(l -> geo(l, p + ".location")).orElse(null),
            deposit,
            bookedAt);
    appointment.depositSecured(true, bookedAt);
    optional(root, "attendance").ifPresent(n -> applyAttendance(appointment, n));
    Instant decideAt = instant(required(root, "$", "decideAt"), "$.decideAt");
    Optional<FollowUpJob> followUp =
        optional(root, "followUpJob")
            .map(
                f -> {
                  object(f, "$.followUpJob", Set.of("job", "bookedAt"));
                  return new FollowUpJob(
                      JobId.of(text(required(f, "$.followUpJob", "job"), "$.followUpJob.job")),
                      instant(required(f, "$.followUpJob", "bookedAt"), "$.followUpJob.bookedAt"));
                });
    appointment.pullEvents();
    return new DepositCase(appointment, decideAt, followUp);
  }

  private static void applyAttendance(Appointment appointment, JsonNode node) {
    String p = "$.attendance";
    object(
        node,
        p,
        Set.of(
            "proCheckIn",
            "checkInLocation",
            "proCheckOut",
            "customerConfirmedAt",
            "contactAttempts"));
    Optional<Instant> checkIn =
        optional(node, "proCheckIn").map(n -> instant(n, p + ".proCheckIn"));
    GeoPoint where =
        optional(node, "checkInLocation").map(n -> geo(n, p + ".checkInLocation")).orElse(null);
    checkIn.ifPresent(at -> appointment.checkIn(at, where));
    optional(node, "contactAttempts")
        .ifPresent(
            list -> {
              array(list, p + ".contactAttempts");
              int i = 0;
              for (JsonNode c : list) {
                String cp = p + ".contactAttempts[" + i++ + "]";
                object(c, cp, Set.of("channel", "at"));
                appointment.contactAttempt(
                    new ContactAttempt(
                        enumValue(
                            required(c, cp, "channel"),
                            cp + ".channel",
                            ContactAttempt.Channel.class),
                        instant(required(c, cp, "at"), cp + ".at")));
              }
            });
    optional(node, "proCheckOut")
        .ifPresent(n -> appointment.checkOut(instant(n, p + ".proCheckOut")));
    optional(node, "customerConfirmedAt")
        .ifPresent(n -> appointment.customerConfirms(instant(n, p + ".customerConfirmedAt")));
  }

  private static GeoPoint geo(JsonNode node, String path) {
    object(node, path, Set.of("latitude", "longitude"));
    return new GeoPoint(
        number(required(node, path, "latitude"), path + ".latitude"),
        number(required(node, path, "longitude"), path + ".longitude"));
  }
}
