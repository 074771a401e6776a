package dev.oficio.fees;

import dev.oficio.shared.JobId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;

/**
 * The fees of a job were frozen (typically when the pro accepted it). Immutable.
 *
 * @param jobId the job
 * @param quote the frozen quote
 * @param occurredAt when, from the injected clock
 */
public record FeeAssessed(JobId jobId, FeeQuote quote, Instant occurredAt) implements FeeEvent {
  /** All parts are required. */
  public FeeAssessed {
    if (jobId == null || quote == null || occurredAt == null) {
      throw ValidationException.of("feeAssessed", "jobId, quote and occurredAt are required");
    }
  }
}
