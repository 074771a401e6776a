package dev.oficio.examples;

import dev.oficio.Oficio;
import dev.oficio.deposits.Adjudication;
import dev.oficio.deposits.Appointment;
import dev.oficio.deposits.BookVisit;
import dev.oficio.deposits.ContactAttempt;
import dev.oficio.deposits.DepositSettlement;
import dev.oficio.deposits.GeoPoint;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The demo's estimate-visit chapter: three visits with a $50 deposit, each adjudicated by the
 * no-show playbook — a customer who does not open the door, a pro who never comes (refund and a
 * credit), and a visit both attend that turns into a job (deposit credited to it).
 */
final class DepositStory {
  private static final Currency USD = Currency.getInstance("USD");
  private static final GeoPoint GUAYNABO = new GeoPoint(18.3575, -66.1110);

  /** One decided visit, for the demo's report: the decision and where the deposit went. */
  record Adjudicated(
      String appointment, String story, Adjudication decision, DepositSettlement money) {}

  private DepositStory() {}

  /**
   * Runs the chapter on {@code oficio}, moving its clock with {@code advance}.
   *
   * @return the decisions in order
   */
  static List<Adjudicated> run(Oficio oficio, Consumer<Duration> advance) {
    List<Adjudicated> decided = new ArrayList<>();
    ProId pro = ProId.of("p-17");
    Money deposit = Money.of("50.00", USD);
    // Book the three visits for the next days, at 10:00, 14:00 and 16:00 Puerto Rico time.
    Instant day = oficio.clock().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
    Appointment noShow = book(oficio, "c-luis", pro, day.plus(Duration.ofHours(14)), deposit);
    Appointment proAbsent = book(oficio, "c-marta", pro, day.plus(Duration.ofHours(18)), deposit);
    Appointment visited = book(oficio, "c-ana", pro, day.plus(Duration.ofHours(20)), deposit);

    // 1. The customer is not home: the pro checks in early, calls and texts, waits, leaves.
    moveTo(oficio, advance, noShow.slotStart().minus(Duration.ofMinutes(3)));
    oficio.deposits().checkIn(noShow.id(), GUAYNABO);
    moveTo(oficio, advance, noShow.slotStart().plus(Duration.ofMinutes(2)));
    oficio.deposits().contactAttempt(noShow.id(), ContactAttempt.Channel.CALL);
    moveTo(oficio, advance, noShow.slotStart().plus(Duration.ofMinutes(12)));
    oficio.deposits().contactAttempt(noShow.id(), ContactAttempt.Channel.TEXT);
    moveTo(oficio, advance, noShow.slotStart().plus(Duration.ofMinutes(33)));
    oficio.deposits().checkOut(noShow.id());
    decided.add(decide(oficio, noShow, "customer not home"));

    // 2. The pro never arrives: full refund and a credit for the customer.
    moveTo(oficio, advance, proAbsent.slotStart().plus(Duration.ofMinutes(31)));
    decided.add(decide(oficio, proAbsent, "pro never arrived"));

    // 3. Both attend and the customer books the job: the deposit becomes credit for it.
    moveTo(oficio, advance, visited.slotStart().minus(Duration.ofMinutes(5)));
    oficio.deposits().checkIn(visited.id(), GUAYNABO);
    moveTo(oficio, advance, visited.slotStart().plus(Duration.ofMinutes(40)));
    oficio.deposits().customerConfirms(visited.id());
    oficio.deposits().adjudicate(visited.id(), Optional.empty());
    moveTo(oficio, advance, visited.slotEnd().plus(Duration.ofHours(2)));
    Appointment credited = oficio.deposits().followUpJobBooked(visited.id(), JobId.of("job-ana-2"));
    decided.add(
        new Adjudicated(
            visited.id().value(),
            "both attended, job booked",
            credited.adjudication().orElseThrow(),
            credited.settlement().orElseThrow()));
    return decided;
  }

  private static Adjudicated decide(Oficio oficio, Appointment visit, String story) {
    Adjudication decision = oficio.deposits().adjudicate(visit.id(), Optional.empty());
    Appointment after = oficio.deposits().get(visit.id());
    return new Adjudicated(visit.id().value(), story, decision, after.settlement().orElseThrow());
  }

  private static Appointment book(
      Oficio oficio, String customer, ProId pro, Instant start, Money deposit) {
    return oficio
        .deposits()
        .book(
            new BookVisit(
                CustomerId.of(customer),
                pro,
                "electrical",
                start,
                start.plus(Duration.ofHours(1)),
                GUAYNABO,
                deposit,
                "pm_card_visa"));
  }

  private static void moveTo(Oficio oficio, Consumer<Duration> advance, Instant target) {
    Duration gap = Duration.between(oficio.clock().instant(), target);
    if (gap.isNegative()) {
      throw new IllegalStateException("the demo's clock cannot go back to " + target);
    }
    advance.accept(gap);
  }
}
