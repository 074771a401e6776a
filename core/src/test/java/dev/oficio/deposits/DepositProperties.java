package dev.oficio.deposits;

import static dev.oficio.deposits.AppointmentFixture.SAN_JUAN;
import static dev.oficio.deposits.AppointmentFixture.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.oficio.deposits.DepositEvent.DepositApplied;
import dev.oficio.deposits.DepositEvent.DepositCaptured;
import dev.oficio.deposits.DepositEvent.DepositRefunded;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.InMemoryLedgerJournal;
import dev.oficio.shared.BusinessCalendar;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.OficioException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class DepositProperties {
  private final DepositPolicy policy = DepositPolicy.builder(USD).build();
  private final NoShowPlaybook playbook = new NoShowPlaybook(policy, BusinessCalendar.puertoRico());

  /** One thing that happens to an appointment, {@code minutes} from its start (may be negative). */
  record Step(int kind, int minutes, boolean flag) {}

  private static Gen<Step> steps() {
    return integers()
        .between(0, 9)
        .zip(integers().between(-3 * 24 * 60, 15 * 24 * 60), booleans().all(), Step::new);
  }

  @Test
  void aDepositSettlesOnceNeverChargesMoreThanItselfAndKeepsTheLedgerBalanced() {
    qt().forAll(
            lists().of(steps()).ofSizeBetween(1, 25),
            integers().between(1, 500_00),
            booleans().all())
        .checkAssert(
            (generated, cents, charged) -> {
              List<Step> sequence = new ArrayList<>(generated);
              sequence.sort(Comparator.comparingInt(Step::minutes));
              Money deposit = Money.ofMinor(cents, USD);
              Appointment appointment =
                  AppointmentFixture.anAppointment()
                      .withDeposit(deposit.toDecimal().toPlainString())
                      .notSecured()
                      .build();
              appointment.depositSecured(!charged, appointment.bookedAt());
              Instant start = appointment.slotStart();
              InMemoryLedgerJournal ledger = new InMemoryLedgerJournal();
              List<DepositEvent> events = new ArrayList<>();
              DepositSettlement first = null;
              for (Step step : sequence) {
                Instant at = start.plus(Duration.ofMinutes(step.minutes()));
                if (!at.isAfter(appointment.bookedAt())) {
                  continue;
                }
                try {
                  apply(appointment, step, at);
                } catch (OficioException expected) {
                  // Typed refusals of illegal moves are part of the contract.
                }
                List<DepositEvent> pulled = appointment.pullEvents();
                events.addAll(pulled);
                pulled.forEach(
                    e -> DepositLedger.entryFor(e, appointment).ifPresent(ledger::record));
                if (first == null) {
                  first = appointment.settlement().orElse(null);
                } else {
                  assertThat(appointment.settlement()).containsSame(first);
                }
              }
              Money captured = Money.zero(USD);
              Money moved = Money.zero(USD);
              for (DepositEvent e : events) {
                if (e instanceof DepositCaptured c) {
                  captured = captured.plus(c.proShare()).plus(c.platformShare());
                  moved = moved.plus(c.proShare()).plus(c.platformShare());
                } else if (e instanceof DepositRefunded r) {
                  moved = moved.plus(r.amount());
                } else if (e instanceof DepositApplied a) {
                  moved = moved.plus(a.amount());
                }
              }
              assertThat(captured).isLessThanOrEqualTo(deposit);
              if (appointment.depositStatus() == Appointment.DepositStatus.SETTLED) {
                assertThat(moved).isEqualTo(deposit);
                if (charged) {
                  assertThat(ledger.balance(Account.of(AccountType.DEPOSITS_HELD), USD))
                      .isEqualTo(Money.zero(USD));
                }
              } else {
                assertThat(moved).isEqualTo(Money.zero(USD));
              }
              assertThat(ledger.trialBalance().isBalanced()).isTrue();
            });
  }

  private void apply(Appointment appointment, Step step, Instant at) {
    switch (step.kind()) {
      case 0 ->
          appointment.reschedule(
              at.plus(Duration.ofDays(2)),
              at.plus(Duration.ofDays(2)).plusSeconds(3600),
              at,
              policy);
      case 1 -> appointment.cancelByCustomer(at, policy);
      case 2 -> appointment.cancelByPro(at, policy);
      case 3 -> appointment.checkIn(at, step.flag() ? SAN_JUAN : new GeoPoint(18.0, -66.6));
      case 4 ->
          appointment.contactAttempt(
              new ContactAttempt(
                  step.flag() ? ContactAttempt.Channel.CALL : ContactAttempt.Channel.TEXT, at));
      case 5 -> appointment.checkOut(at);
      case 6 -> appointment.customerConfirms(at);
      case 7 -> {
        Optional<FollowUpJob> job =
            step.flag() ? Optional.of(new FollowUpJob(JobId.of("job-1"), at)) : Optional.empty();
        Adjudication decision = playbook.adjudicate(appointment, at, job);
        appointment.adjudicate(decision, 1, JobId.of("job-1"), policy, at);
      }
      case 8 -> {
        Party party = step.flag() ? Party.CUSTOMER_NO_SHOW : Party.PRO_NO_SHOW;
        Adjudication decision =
            playbook.decideByOperator(appointment, party, "TEST", "ops", Optional.empty());
        appointment.adjudicate(decision, 2, null, policy, at);
      }
      default -> {
        Optional<FollowUpJob> job =
            step.flag() ? Optional.of(new FollowUpJob(JobId.of("job-2"), at)) : Optional.empty();
        DepositSettlement s = playbook.settleCreditWindow(appointment, job);
        appointment.closeCreditWindow(s, job.map(FollowUpJob::job).orElse(null), at);
      }
    }
  }
}
