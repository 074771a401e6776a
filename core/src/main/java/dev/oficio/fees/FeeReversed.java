package dev.oficio.fees;

import dev.oficio.shared.JobId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;

/**
 * Fees of a job were reversed in proportion to a refund. Immutable.
 *
 * @param jobId the job
 * @param refund what was reversed
 * @param occurredAt when, from the injected clock
 */
public record FeeReversed(JobId jobId, RefundQuote refund, Instant occurredAt) implements FeeEvent {
  /** All parts are required. */
  public FeeReversed {
    if (jobId == null || refund == null || occurredAt == null) {
      throw ValidationException.of("feeReversed", "jobId, refund and occurredAt are required");
    }
  }
}
