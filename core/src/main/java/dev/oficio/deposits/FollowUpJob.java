package dev.oficio.deposits;

import dev.oficio.shared.JobId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;

/**
 * A job the customer booked with the same pro after the estimate visit; the deposit may be credited
 * to it.
 *
 * @param job the job
 * @param bookedAt when it was booked
 */
public record FollowUpJob(JobId job, Instant bookedAt) {
  /** Checks the fields. */
  public FollowUpJob {
    if (job == null || bookedAt == null) {
      throw ValidationException.of("followUpJob", "needs a job and a booking time");
    }
  }
}
