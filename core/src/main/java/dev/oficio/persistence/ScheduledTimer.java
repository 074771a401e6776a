package dev.oficio.persistence;

import java.time.Instant;

/**
 * A timer as stored.
 *
 * @param key unique business key
 * @param kind handler kind
 * @param dueAt when it is (next) due
 * @param payload handler input
 * @param status where it is in its life
 * @param attempts how many times a handler ran and failed
 * @param lastError the last failure message, or null
 */
public record ScheduledTimer(
    String key,
    String kind,
    Instant dueAt,
    String payload,
    Status status,
    int attempts,
    String lastError) {

  /** Life of a timer: PENDING → CLAIMED → DONE, or back to PENDING to retry, or FAILED. */
  public enum Status {
    /** Waiting to be due. */
    PENDING,
    /** Claimed by a runner whose lease has not expired. */
    CLAIMED,
    /** Ran successfully; never runs again. */
    DONE,
    /** Cancelled before it ran. */
    CANCELLED,
    /** Gave up after the runner's maximum attempts; needs an operator. */
    FAILED
  }
}
