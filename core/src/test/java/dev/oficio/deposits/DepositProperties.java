package dev.oficio.deposits;

import static dev.oficio.deposits.AppointmentFixture.SAN_JUAN;
import static dev.oficio.deposits.AppointmentFixture.USD;
import static dev.oficio.deposits.AppointmentFixture.pr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.oficio.Oficio;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.payments.simulated.SimulatedRecords;
import dev.oficio.persistence.InMemoryOutbox;
import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.OficioException;
import dev.oficio.shared.ProId;
import dev.oficio.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random visits driven through {@link DepositService} against a simulated provider that injects
 * faults (timeouts before and after applying, declines, transient errors). The checks read the
 * provider's own books and the ledger, not the service's view of itself.
 */
class DepositProperties {

  /** One thing that happens, {@code minutes} after the visit's start (may be negative). */
  record Step(int kind, int minutes, boolean flag) {}

  private static Gen<Step> steps() {
    return integers()
        .between(0, 9)
        .zip(integers().between(-3 * 24 * 60, 15 * 24 * 60), booleans().all(), Step::new);
  }

  @Test
  void aDepositSettlesOnceNeverTakesMoreThanItselfAndTheBooksAgree() {
    qt().withExamples(200)
        .forAll(
            lists().of(steps()).ofSizeBetween(1, 20),
            integers().between(100, 500_00),
            booleans().all(),
            longs().between(1, 1_000_000))
        .checkAssert(
            (generated, cents, athLike, seed) -> {
              MutableClock clock = new MutableClock(pr("2027-02-27T09:00"));
              SimulatedGateway gateway =
                  SimulatedGateway.withFaults(
                      athLike ? SimulatedProfile.ATH_LIKE : SimulatedProfile.STRIPE_LIKE,
                      clock,
                      seed,
                      150_000);
              InMemoryOutbox outbox = new InMemoryOutbox();
              Oficio oficio =
                  Oficio.builder()
                      .clock(clock)
                      .ids(IdGenerator.sequential())
                      .paymentGateway(gateway)
                      .outbox(outbox)
                      .build();
              DepositService deposits = oficio.deposits();
              Money deposit = Money.ofMinor(cents, USD);
              Instant start = pr("2027-03-02T10:00");
              Appointment booked;
              try {
                booked =
                    deposits.book(
                        new BookVisit(
                            CustomerId.of("c-1"),
                            ProId.of("p-17"),
                            "electrical",
                            start,
                            start.plus(Duration.ofHours(1)),
                            SAN_JUAN,
                            deposit,
                            "pm_card_visa"));
              } catch (OficioException transientFailure) {
                return;
              }
              AppointmentId id = booked.id();
              List<Step> sequence = new ArrayList<>(generated);
              sequence.sort(Comparator.comparingInt(Step::minutes));
              DepositSettlement first = null;
              for (Step step : sequence) {
                Instant at = start.plus(Duration.ofMinutes(step.minutes()));
                if (at.isAfter(clock.instant())) {
                  clock.set(at);
                }
                try {
                  apply(deposits, id, step);
                } catch (OficioException refused) {
                  // Typed refusals of illegal moves, and provider errors, are part of the contract.
                }
                Optional<DepositSettlement> now = deposits.get(id).settlement();
                if (first == null) {
                  first = now.orElse(null);
                } else {
                  assertThat(now).containsSame(first);
                }
              }
              // Let the janitor and the timers finish whatever the faults left open.
              for (int round = 0; round < 8; round++) {
                clock.advance(Duration.ofHours(8));
                try {
                  oficio.payments().janitor().run();
                  oficio.timers().runDue();
                } catch (OficioException transientFailure) {
                  // retried next round
                }
              }
              Appointment a = deposits.get(id);
              SimulatedRecords books = gateway.records(a.payment().orElseThrow());
              Money kept = books.taken().minus(books.refunded());
              assertThat(books.taken()).isLessThanOrEqualTo(deposit);
              assertThat(kept.isNegative()).isFalse();
              if (a.depositStatus() == Appointment.DepositStatus.SETTLED) {
                DepositSettlement s = a.settlement().orElseThrow();
                assertThat(s.total()).isEqualTo(deposit);
                boolean collectionFailed =
                    outbox.history().stream()
                        .anyMatch(m -> m.event() instanceof DepositEvent.DepositCollectionFailed);
                if (collectionFailed) {
                  // The provider refused the capture (the hold lapsed): nothing was kept, and an
                  // operator was told.
                  assertThat(kept).isEqualTo(Money.zero(USD));
                } else {
                  assertThat(kept).isEqualTo(s.captured().plus(s.applied()));
                }
                assertThat(oficio.ledger().balance(Account.of(AccountType.DEPOSITS_HELD), USD))
                    .isEqualTo(Money.zero(USD));
              } else if (a.status() == Appointment.Status.CANCELLED) {
                assertThat(kept).isEqualTo(Money.zero(USD));
              }
              assertThat(oficio.ledger().trialBalance().isBalanced()).isTrue();
            });
  }

  private static void apply(DepositService deposits, AppointmentId id, Step step) {
    switch (step.kind()) {
      case 0 -> {
        Instant next = deposits.get(id).slotStart().plus(Duration.ofDays(2));
        deposits.reschedule(id, next, next.plus(Duration.ofHours(1)));
      }
      case 1 -> deposits.cancelByCustomer(id);
      case 2 -> deposits.cancelByPro(id);
      case 3 -> deposits.checkIn(id, step.flag() ? SAN_JUAN : new GeoPoint(18.0, -66.6));
      case 4 ->
          deposits.contactAttempt(
              id, step.flag() ? ContactAttempt.Channel.CALL : ContactAttempt.Channel.TEXT);
      case 5 -> deposits.checkOut(id);
      case 6 -> deposits.customerConfirms(id);
      case 7 -> deposits.adjudicate(id, Optional.empty());
      case 8 ->
          deposits.decideReview(
              id,
              step.flag() ? Party.CUSTOMER_NO_SHOW : Party.PRO_NO_SHOW,
              "TEST",
              "ops",
              Optional.empty());
      default -> deposits.followUpJobBooked(id, JobId.of("job-1"));
    }
  }
}
