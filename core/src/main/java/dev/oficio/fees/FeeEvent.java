package dev.oficio.fees;

import dev.oficio.shared.DomainEvent;
import dev.oficio.shared.JobId;

/**
 * A fee fact for billing analytics: fees assessed on a job, or reversed by a refund. Emitted by the
 * context that freezes quotes (jobs, payments) through the outbox.
 */
public sealed interface FeeEvent extends DomainEvent permits FeeAssessed, FeeReversed {

  /** The job the fees belong to. */
  JobId jobId();

  /** Fee events belong to the job they were assessed on. */
  @Override
  default String aggregateType() {
    return "Job";
  }

  @Override
  default String aggregateId() {
    return jobId().value();
  }
}
