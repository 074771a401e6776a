package dev.oficio.deposits;

import dev.oficio.shared.BusinessCalendar;
import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides automatically who missed an estimate visit, from the {@link Attendance} evidence and the
 * {@link DepositPolicy}. Rules, first match wins:
 *
 * <ol>
 *   <li>{@code review.check-in-outside-geofence}: the pro checked in farther than the geofence from
 *       the location — conflicting evidence, {@link Party#NEEDS_REVIEW};
 *   <li>{@code review.customer-confirmed-without-check-in}: the customer says the visit happened
 *       but the pro never checked in — conflicting, review;
 *   <li>{@code pro-no-show.no-check-in}: no check-in by the lateness threshold — {@link
 *       Party#PRO_NO_SHOW};
 *   <li>{@code pro-no-show.late-arrival}: check-in later than the lateness threshold — pro no-show;
 *   <li>{@code both-attended}: the customer confirmed the visit — {@link Party#BOTH_ATTENDED};
 *   <li>{@code customer-no-show}: the pro checked in on time, made enough contact attempts and
 *       waited long enough before checking out — {@link Party#CUSTOMER_NO_SHOW};
 *   <li>{@code review.missing-evidence}: anything else (too few attempts, too short a wait, no
 *       check-out, a late but not too late pro) — review.
 * </ol>
 *
 * Pure and thread-safe: time comes in as an argument.
 */
public final class NoShowPlaybook {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessCalendar.PUERTO_RICO);

  private final DepositPolicy policy;
  private final BusinessCalendar calendar;

  /** A playbook applying {@code policy}; review deadlines run on {@code calendar}. */
  public NoShowPlaybook(DepositPolicy policy, BusinessCalendar calendar) {
    if (policy == null || calendar == null) {
      throw ValidationException.of("playbook", "needs a policy and a calendar");
    }
    this.policy = policy;
    this.calendar = calendar;
  }

  /** The policy. */
  public DepositPolicy policy() {
    return policy;
  }

  /**
   * The earliest time the visit can be decided without a check-out: the start plus the longer of
   * the lateness threshold and the minimum wait.
   */
  public Instant decidableFrom(Appointment appointment) {
    Duration longest =
        policy.latenessThreshold().compareTo(policy.minWait()) > 0
            ? policy.latenessThreshold()
            : policy.minWait();
    return appointment.slotStart().plus(longest);
  }

  /**
   * Decides the visit at {@code at}.
   *
   * @param followUp a job booked after the visit, if any
   * @throws ValidationException if called before {@link #decidableFrom} and the pro has not checked
   *     out
   */
  public Adjudication adjudicate(
      Appointment appointment, Instant at, Optional<FollowUpJob> followUp) {
    Attendance a = appointment.attendance();
    Instant start = appointment.slotStart();
    if (a.proCheckOut() == null && at.isBefore(decidableFrom(appointment))) {
      throw ValidationException.of(
          "at", "too early to decide: wait until " + LOCAL.format(decidableFrom(appointment)));
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("slotStart", LOCAL.format(start) + " (Puerto Rico)"));
    if (a.proCheckIn() == null) {
      evidence.add(new Evidence("proCheckIn", "none"));
    } else {
      evidence.add(
          new Evidence(
              "proCheckIn",
              LOCAL.format(a.proCheckIn())
                  + " ("
                  + signedMinutes(Duration.between(start, a.proCheckIn()))
                  + " min from start)"));
    }
    if (a.checkInLocation() != null && appointment.location().isPresent()) {
      long meters = Math.round(a.checkInLocation().metersTo(appointment.location().get()));
      evidence.add(new Evidence("checkInDistanceMeters", Long.toString(meters)));
      if (meters > policy.geofenceMeters()) {
        return review(
            "review.check-in-outside-geofence",
            evidence,
            at,
            "The pro checked in "
                + meters
                + " m from the visit's location (limit "
                + policy.geofenceMeters()
                + " m); an operator will decide.");
      }
    }
    if (a.customerConfirmedAt() != null) {
      evidence.add(new Evidence("customerConfirmed", LOCAL.format(a.customerConfirmedAt())));
    }
    if (a.proCheckIn() == null) {
      if (a.customerConfirmedAt() != null) {
        return review(
            "review.customer-confirmed-without-check-in",
            evidence,
            at,
            "The customer confirmed the visit but the pro never checked in; an operator will"
                + " decide.");
      }
      return proNoShow(
          "pro-no-show.no-check-in",
          appointment,
          evidence,
          "The pro did not check in within "
              + policy.latenessThreshold().toMinutes()
              + " minutes of the start: the deposit is refunded in full.");
    }
    Duration lateness = a.lateness(start).orElseThrow();
    if (lateness.compareTo(policy.latenessThreshold()) > 0) {
      return proNoShow(
          "pro-no-show.late-arrival",
          appointment,
          evidence,
          "The pro arrived "
              + lateness.toMinutes()
              + " minutes late (limit "
              + policy.latenessThreshold().toMinutes()
              + "), which counts as a no-show: the deposit is refunded in full.");
    }
    if (a.customerConfirmedAt() != null) {
      return bothAttended(appointment, evidence, followUp);
    }
    long attempts =
        a.contactAttempts().stream().filter(c -> !c.at().isBefore(a.proCheckIn())).count();
    evidence.add(new Evidence("contactAttempts", Long.toString(attempts)));
    Duration waited = null;
    if (a.proCheckOut() != null) {
      Instant from = a.proCheckIn().isAfter(start) ? a.proCheckIn() : start;
      waited = Duration.between(from, a.proCheckOut());
      evidence.add(new Evidence("waitedMinutes", Long.toString(waited.toMinutes())));
    } else {
      evidence.add(new Evidence("proCheckOut", "none"));
    }
    boolean onTime = lateness.compareTo(policy.onTimeGrace()) <= 0;
    if (onTime
        && attempts >= policy.minContactAttempts()
        && waited != null
        && waited.compareTo(policy.minWait()) >= 0) {
      Money deposit = appointment.deposit();
      List<Money> split =
          deposit.allocate(policy.customerNoShowProShare(), Appointment.remainderOf(policy));
      Money zero = Money.zero(deposit.currency());
      return new Adjudication(
          Party.CUSTOMER_NO_SHOW,
          "customer-no-show",
          evidence,
          new DepositSettlement(split.get(0), split.get(1), zero, zero, zero),
          null,
          null,
          "The pro checked in on time, tried to reach the customer "
              + attempts
              + " times and waited "
              + waited.toMinutes()
              + " minutes: the deposit of "
              + deposit
              + " is kept, "
              + split.get(0)
              + " for the pro and "
              + split.get(1)
              + " for the platform.");
    }
    List<String> missing = new ArrayList<>();
    if (!onTime) {
      missing.add("the pro was " + lateness.toMinutes() + " minutes late");
    }
    if (attempts < policy.minContactAttempts()) {
      missing.add("only " + attempts + " of " + policy.minContactAttempts() + " contact attempts");
    }
    if (waited == null) {
      missing.add("no check-out");
    } else if (waited.compareTo(policy.minWait()) < 0) {
      missing.add(
          "waited " + waited.toMinutes() + " of " + policy.minWait().toMinutes() + " minutes");
    }
    return review(
        "review.missing-evidence",
        evidence,
        at,
        "Not enough evidence for an automatic decision ("
            + String.join(", ", missing)
            + "); an operator will decide.");
  }

  /**
   * Records an operator's decision on a review case as an adjudication.
   *
   * @param party the operator's finding; not {@link Party#NEEDS_REVIEW}
   * @param reasonCode why, from the operator's reason codes (e.g. {@code GPS_DRIFT})
   * @param operator who decided
   */
  public Adjudication decideByOperator(
      Appointment appointment,
      Party party,
      String reasonCode,
      String operator,
      Optional<FollowUpJob> followUp) {
    if (party == null || party == Party.NEEDS_REVIEW) {
      throw ValidationException.of("party", "an operator must decide who missed the visit");
    }
    if (reasonCode == null || reasonCode.isBlank()) {
      throw ValidationException.of("reasonCode", "must not be blank");
    }
    if (operator == null || operator.isBlank()) {
      throw ValidationException.of("operator", "must not be blank");
    }
    List<Evidence> evidence =
        new ArrayList<>(appointment.adjudication().map(Adjudication::evidence).orElse(List.of()));
    evidence.add(new Evidence("operator", operator));
    evidence.add(new Evidence("reasonCode", reasonCode));
    String rule = "operator:" + reasonCode;
    Money deposit = appointment.deposit();
    Money zero = Money.zero(deposit.currency());
    return switch (party) {
      case CUSTOMER_NO_SHOW -> {
        List<Money> split =
            deposit.allocate(policy.customerNoShowProShare(), Appointment.remainderOf(policy));
        yield new Adjudication(
            party,
            rule,
            evidence,
            new DepositSettlement(split.get(0), split.get(1), zero, zero, zero),
            null,
            null,
            "An operator found the customer absent (" + reasonCode + "): the deposit is kept.");
      }
      case PRO_NO_SHOW ->
          proNoShow(
              rule,
              appointment,
              evidence,
              "An operator found the pro absent (" + reasonCode + "): full refund.");
      case BOTH_ATTENDED -> {
        Adjudication both = bothAttended(appointment, evidence, followUp);
        yield new Adjudication(
            party,
            rule,
            both.evidence(),
            both.settlement(),
            null,
            both.creditWindowEnds(),
            both.explanation());
      }
      case NEEDS_REVIEW -> throw new IllegalStateException("unreachable");
    };
  }

  private Adjudication proNoShow(
      String rule, Appointment appointment, List<Evidence> evidence, String explanation) {
    Money credit = policy.proNoShowCustomerCredit();
    String withCredit =
        credit.isZero()
            ? explanation
            : explanation + " The customer also receives a " + credit + " credit.";
    return new Adjudication(
        Party.PRO_NO_SHOW,
        rule,
        evidence,
        DepositSettlement.refundAll(appointment.deposit(), credit),
        null,
        null,
        withCredit);
  }

  private Adjudication bothAttended(
      Appointment appointment, List<Evidence> evidence, Optional<FollowUpJob> followUp) {
    Money deposit = appointment.deposit();
    Money zero = Money.zero(deposit.currency());
    Instant windowEnds = appointment.slotEnd().plus(policy.applyCreditWithin());
    followUp.ifPresent(
        f ->
            evidence.add(
                new Evidence("followUpJob", f.job() + " booked " + LOCAL.format(f.bookedAt()))));
    if (policy.bothAttended() == DepositPolicy.BothAttended.APPLY_TO_JOB_OR_REFUND) {
      if (followUp.isPresent() && !followUp.get().bookedAt().isAfter(windowEnds)) {
        return new Adjudication(
            Party.BOTH_ATTENDED,
            "both-attended",
            evidence,
            new DepositSettlement(zero, zero, zero, deposit, zero),
            null,
            null,
            "Both attended and the customer booked job "
                + followUp.get().job()
                + ": the deposit of "
                + deposit
                + " is credited to it.");
      }
      if (followUp.isEmpty()) {
        return new Adjudication(
            Party.BOTH_ATTENDED,
            "both-attended",
            evidence,
            null,
            null,
            windowEnds,
            "Both attended: the deposit of "
                + deposit
                + " is credited to a job booked by "
                + LOCAL.format(windowEnds)
                + " (Puerto Rico), otherwise refunded then.");
      }
    }
    return new Adjudication(
        Party.BOTH_ATTENDED,
        "both-attended",
        evidence,
        DepositSettlement.refundAll(deposit, zero),
        null,
        null,
        "Both attended and no job is credited: the deposit of " + deposit + " is refunded.");
  }

  /**
   * Settles a deposit waiting for a follow-up job: credited to {@code followUp} when it was booked
   * by the window's end, otherwise refunded.
   */
  public DepositSettlement settleCreditWindow(
      Appointment appointment, Optional<FollowUpJob> followUp) {
    Adjudication decision =
        appointment
            .adjudication()
            .filter(d -> d.creditWindowEnds() != null)
            .orElseThrow(
                () -> ValidationException.of("appointment", "is not waiting for a follow-up job"));
    Money deposit = appointment.deposit();
    Money zero = Money.zero(deposit.currency());
    if (followUp.isPresent() && !followUp.get().bookedAt().isAfter(decision.creditWindowEnds())) {
      return new DepositSettlement(zero, zero, zero, deposit, zero);
    }
    return DepositSettlement.refundAll(deposit, zero);
  }

  private Adjudication review(String rule, List<Evidence> evidence, Instant at, String why) {
    Instant deadline = calendar.addBusinessHours(at, policy.reviewSlaBusinessHours());
    return new Adjudication(
        Party.NEEDS_REVIEW,
        rule,
        evidence,
        null,
        deadline,
        null,
        why + " Decision due by " + LOCAL.format(deadline) + " (Puerto Rico).");
  }

  private static long signedMinutes(Duration d) {
    return d.toMinutes();
  }
}
