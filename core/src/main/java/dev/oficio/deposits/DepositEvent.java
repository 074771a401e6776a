package dev.oficio.deposits;

import dev.oficio.shared.AppointmentId;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.DomainEvent;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import java.time.Instant;

/** Events of the deposits context, appended by {@link Appointment} transitions. */
public sealed interface DepositEvent extends DomainEvent {

  /** The appointment the event is about. */
  AppointmentId appointment();

  @Override
  default String aggregateType() {
    return "Appointment";
  }

  @Override
  default String aggregateId() {
    return appointment().value();
  }

  /** The deposit is held or charged. */
  record DepositSecured(AppointmentId appointment, Money amount, boolean hold, Instant occurredAt)
      implements DepositEvent {}

  /** Part or all of the deposit was captured, split between the pro and the platform. */
  record DepositCaptured(
      AppointmentId appointment,
      ProId pro,
      Money proShare,
      Money platformShare,
      String reason,
      Instant occurredAt)
      implements DepositEvent {}

  /** Part or all of the deposit went back to the customer. */
  record DepositRefunded(AppointmentId appointment, Money amount, String reason, Instant occurredAt)
      implements DepositEvent {}

  /** The deposit was credited to the job that followed the visit. */
  record DepositApplied(AppointmentId appointment, JobId job, Money amount, Instant occurredAt)
      implements DepositEvent {}

  /** The playbook or an operator decided who missed the visit. */
  record NoShowAdjudicated(AppointmentId appointment, Party party, String rule, Instant occurredAt)
      implements DepositEvent {}

  /** A pro missed a visit: a penalty for reliability scoring. */
  record ProNoShowRecorded(AppointmentId appointment, ProId pro, Instant occurredAt)
      implements DepositEvent {}

  /** A pro received a strike; {@code strikesInWindow} counts this one. */
  record ProStrikeRecorded(
      AppointmentId appointment, ProId pro, int strikesInWindow, Instant occurredAt)
      implements DepositEvent {}

  /** A pro reached the strike limit within the window and must be suspended. */
  record ProSuspensionTriggered(
      AppointmentId appointment, ProId pro, int strikesInWindow, Instant occurredAt)
      implements DepositEvent {}

  /** A goodwill credit for the customer. */
  record CustomerCreditGranted(
      AppointmentId appointment, CustomerId customer, Money amount, Instant occurredAt)
      implements DepositEvent {}

  /** The appointment was cancelled; {@code fee} is what the cancelling side pays. */
  record AppointmentCancelled(
      AppointmentId appointment, String by, long noticeMinutes, Money fee, Instant occurredAt)
      implements DepositEvent {}

  /** The appointment moved to a new slot. */
  record AppointmentRescheduled(
      AppointmentId appointment, Instant newStart, int reschedules, Instant occurredAt)
      implements DepositEvent {}

  /**
   * A decided deposit could not be collected: the provider refused the capture (typically the hold
   * lapsed while the provider was unreachable). Nobody was paid from it; an operator follows up.
   */
  record DepositCollectionFailed(
      AppointmentId appointment, Money amount, String declineCode, Instant occurredAt)
      implements DepositEvent {}

  /** An operator must decide by {@code deadline}. */
  record ReviewCaseOpened(AppointmentId appointment, Instant deadline, Instant occurredAt)
      implements DepositEvent {}
}
