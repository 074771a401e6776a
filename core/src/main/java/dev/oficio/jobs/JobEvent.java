package dev.oficio.jobs;

import dev.oficio.shared.CustomerId;
import dev.oficio.shared.DomainEvent;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import java.time.Instant;

/**
 * Events of a job's life, for the contexts that listen (reliability, referrals, billing). Appended
 * to the outbox in the unit of work of the transition.
 */
public sealed interface JobEvent extends DomainEvent
    permits JobEvent.JobQuoted,
        JobEvent.JobAccepted,
        JobEvent.JobStarted,
        JobEvent.JobCompleted,
        JobEvent.JobClosed,
        JobEvent.JobCancelled,
        JobEvent.JobDisputed,
        JobEvent.JobDisputeResolved,
        JobEvent.JobRefunded {

  /** The job. */
  JobId job();

  @Override
  default String aggregateType() {
    return "Job";
  }

  @Override
  default String aggregateId() {
    return job().value();
  }

  /** Priced with a frozen fee quote. */
  record JobQuoted(
      JobId job,
      CustomerId customer,
      ProId pro,
      Money amount,
      Money platformFee,
      String scheduleId,
      int scheduleVersion,
      Instant occurredAt)
      implements JobEvent {}

  /** Payment secured. */
  record JobAccepted(
      JobId job,
      ProId pro,
      PaymentId payment,
      SecuredBy securedBy,
      Money amount,
      Instant occurredAt)
      implements JobEvent {}

  /** Work started. */
  record JobStarted(JobId job, ProId pro, Instant occurredAt) implements JobEvent {}

  /** Work done; money taken and split. */
  record JobCompleted(
      JobId job,
      ProId pro,
      CustomerId customer,
      Money amount,
      Money platformFee,
      Instant occurredAt)
      implements JobEvent {}

  /** Settled for good. */
  record JobClosed(JobId job, Instant occurredAt) implements JobEvent {}

  /**
   * Called off.
   *
   * @param by who cancelled
   * @param noticeHours whole hours of notice before the scheduled start (0 once started)
   * @param fee what the customer pays for cancelling
   */
  record JobCancelled(
      JobId job, ProId pro, CancelledBy by, long noticeHours, Money fee, Instant occurredAt)
      implements JobEvent {}

  /** The customer disputes the work. */
  record JobDisputed(JobId job, ProId pro, String reason, Instant occurredAt) implements JobEvent {}

  /** A dispute ended. */
  record JobDisputeResolved(JobId job, DisputeResolution resolution, Instant occurredAt)
      implements JobEvent {}

  /**
   * Part or all of the price was refunded.
   *
   * @param amount the part of the job's price refunded
   * @param customerRefund what the customer got back
   * @param platformFeeReversed the platform's share given back
   * @param totalRefunded the job's price refunded so far
   */
  record JobRefunded(
      JobId job,
      ProId pro,
      Money amount,
      Money customerRefund,
      Money platformFeeReversed,
      Money totalRefunded,
      Instant occurredAt)
      implements JobEvent {}
}
