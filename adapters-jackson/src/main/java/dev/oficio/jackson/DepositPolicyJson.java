package dev.oficio.jackson;

import static dev.oficio.jackson.StrictJson.array;
import static dev.oficio.jackson.StrictJson.decimal;
import static dev.oficio.jackson.StrictJson.enumValue;
import static dev.oficio.jackson.StrictJson.integer;
import static dev.oficio.jackson.StrictJson.object;
import static dev.oficio.jackson.StrictJson.optional;
import static dev.oficio.jackson.StrictJson.required;

import dev.oficio.deposits.CancellationCharge;
import dev.oficio.deposits.CancellationWindow;
import dev.oficio.deposits.DepositPolicy;
import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link DepositPolicy} from JSON. Every field but {@code currency} is optional and
 * defaults to {@link DepositPolicy#builder}'s value; amounts and percents are decimal strings. The
 * format, with the defaults:
 *
 * <pre>{@code
 * { "currency": "USD",
 *   "freeCancellationAfterBookingMinutes": 5,
 *   "customerWindows": [ {"noticeBelowHours": 24, "percent": "50"},
 *                        {"noticeBelowHours": 2, "percent": "100"} ],
 *   "proFreeAfterAcceptingHours": 4,
 *   "proWindows": [ {"noticeBelowHours": 72, "fixed": "10.00"}, {"noticeBelowHours": 24, "fixed": "20.00"},
 *                   {"noticeBelowHours": 2, "fixed": "40.00"} ],
 *   "reschedule": {"freeUntilHours": 24, "max": 2},
 *   "lateness": {"onTimeGraceMinutes": 10, "noShowAfterMinutes": 30},
 *   "customerNoShow": {"minContactAttempts": 2, "minWaitMinutes": 30, "proSharePercent": "80"},
 *   "proNoShow": {"customerCredit": "10.00", "strikeWindowDays": 28, "strikesToSuspend": 2},
 *   "bothAttended": {"outcome": "APPLY_TO_JOB_OR_REFUND", "applyCreditWithinDays": 14},
 *   "reviewSlaBusinessHours": 8,
 *   "geofenceMeters": 500 }
 * }</pre>
 *
 * A window charges {@code fixed} plus {@code percent} of the deposit (either or both), capped at
 * the deposit. Errors name the JSON path.
 */
public final class DepositPolicyJson {
  private static final Set<String> TOP =
      Set.of(
          "currency",
          "freeCancellationAfterBookingMinutes",
          "customerWindows",
          "proFreeAfterAcceptingHours",
          "proWindows",
          "reschedule",
          "lateness",
          "customerNoShow",
          "proNoShow",
          "bothAttended",
          "reviewSlaBusinessHours",
          "geofenceMeters");

  private DepositPolicyJson() {}

  /**
   * Parses a policy.
   *
   * @throws ValidationException naming the JSON path of the first problem
   */
  public static DepositPolicy read(String json) {
    JsonNode root = object(StrictJson.parse(json), "$", TOP);
    Currency currency = StrictJson.currency(required(root, "$", "currency"), "$.currency");
    DepositPolicy.Builder b = DepositPolicy.builder(currency);
    optional(root, "freeCancellationAfterBookingMinutes")
        .ifPresent(
            n ->
                b.freeCancellationAfterBooking(
                    Duration.ofMinutes(integer(n, "$.freeCancellationAfterBookingMinutes"))));
    optional(root, "customerWindows")
        .ifPresent(n -> b.customerWindows(windows(n, "$.customerWindows", currency)));
    optional(root, "proFreeAfterAcceptingHours")
        .ifPresent(
            n ->
                b.proFreeAfterAccepting(
                    Duration.ofHours(integer(n, "$.proFreeAfterAcceptingHours"))));
    optional(root, "proWindows").ifPresent(n -> b.proWindows(windows(n, "$.proWindows", currency)));
    optional(root, "reschedule")
        .ifPresent(
            n -> {
              object(n, "$.reschedule", Set.of("freeUntilHours", "max"));
              b.reschedule(
                  Duration.ofHours(
                      integer(
                          required(n, "$.reschedule", "freeUntilHours"),
                          "$.reschedule.freeUntilHours")),
                  (int) integer(required(n, "$.reschedule", "max"), "$.reschedule.max"));
            });
    optional(root, "lateness")
        .ifPresent(
            n -> {
              String p = "$.lateness";
              object(n, p, Set.of("onTimeGraceMinutes", "noShowAfterMinutes"));
              b.lateness(
                  Duration.ofMinutes(
                      integer(required(n, p, "onTimeGraceMinutes"), p + ".onTimeGraceMinutes")),
                  Duration.ofMinutes(
                      integer(required(n, p, "noShowAfterMinutes"), p + ".noShowAfterMinutes")));
            });
    optional(root, "customerNoShow")
        .ifPresent(
            n -> {
              String p = "$.customerNoShow";
              object(n, p, Set.of("minContactAttempts", "minWaitMinutes", "proSharePercent"));
              b.customerNoShowEvidence(
                  (int) integer(required(n, p, "minContactAttempts"), p + ".minContactAttempts"),
                  Duration.ofMinutes(
                      integer(required(n, p, "minWaitMinutes"), p + ".minWaitMinutes")));
              optional(n, "proSharePercent")
                  .ifPresent(s -> b.customerNoShowProShare(rate(s, p + ".proSharePercent")));
            });
    optional(root, "proNoShow")
        .ifPresent(
            n -> {
              String p = "$.proNoShow";
              object(n, p, Set.of("customerCredit", "strikeWindowDays", "strikesToSuspend"));
              optional(n, "customerCredit")
                  .ifPresent(
                      c -> b.proNoShowCustomerCredit(money(c, p + ".customerCredit", currency)));
              b.strikes(
                  Duration.ofDays(
                      integer(required(n, p, "strikeWindowDays"), p + ".strikeWindowDays")),
                  (int) integer(required(n, p, "strikesToSuspend"), p + ".strikesToSuspend"));
            });
    optional(root, "bothAttended")
        .ifPresent(
            n -> {
              String p = "$.bothAttended";
              object(n, p, Set.of("outcome", "applyCreditWithinDays"));
              b.bothAttended(
                  enumValue(
                      required(n, p, "outcome"), p + ".outcome", DepositPolicy.BothAttended.class),
                  Duration.ofDays(
                      integer(
                          required(n, p, "applyCreditWithinDays"), p + ".applyCreditWithinDays")));
            });
    optional(root, "reviewSlaBusinessHours")
        .ifPresent(n -> b.reviewSlaBusinessHours(integer(n, "$.reviewSlaBusinessHours")));
    optional(root, "geofenceMeters")
        .ifPresent(n -> b.geofenceMeters(integer(n, "$.geofenceMeters")));
    return b.build();
  }

  private static List<CancellationWindow> windows(JsonNode node, String path, Currency currency) {
    array(node, path);
    List<CancellationWindow> windows = new ArrayList<>();
    int i = 0;
    for (JsonNode w : node) {
      String p = path + "[" + i++ + "]";
      object(w, p, Set.of("noticeBelowHours", "fixed", "percent"));
      Duration below =
          Duration.ofHours(integer(required(w, p, "noticeBelowHours"), p + ".noticeBelowHours"));
      Money fixed =
          optional(w, "fixed")
              .map(f -> money(f, p + ".fixed", currency))
              .orElse(Money.zero(currency));
      Rate percent = optional(w, "percent").map(r -> rate(r, p + ".percent")).orElse(Rate.ZERO);
      if (fixed.isZero() && percent.isZero()) {
        throw ValidationException.of(p, "needs a fixed amount or a percent");
      }
      windows.add(new CancellationWindow(below, new CancellationCharge(fixed, percent)));
    }
    return windows;
  }

  private static Money money(JsonNode node, String path, Currency currency) {
    try {
      return Money.of(decimal(node, path), currency);
    } catch (ValidationException e) {
      throw ValidationException.of(path, e.violations().get(0).message());
    }
  }

  private static Rate rate(JsonNode node, String path) {
    try {
      return Rate.ofPercent(decimal(node, path));
    } catch (ValidationException e) {
      throw ValidationException.of(path, e.violations().get(0).message());
    }
  }
}
