package dev.oficio.jobs;

import dev.oficio.shared.JobId;
import java.util.Optional;

/**
 * Repository port of {@link Job}s. Call inside a unit of work. Writes use optimistic locking on
 * {@link Job#version()}. Thread-safe implementations; the contract is {@code JobsContractTest} in
 * core's test-jar.
 */
public interface Jobs {

  /** The job with this id, at its stored version (with no new events). */
  Optional<Job> find(JobId id);

  /**
   * Inserts {@code job} (version 0, new id) or replaces the stored job of the same version.
   *
   * @return the job as stored, at version {@code job.version() + 1}, with no new events
   * @throws dev.oficio.shared.ConcurrencyException if the stored version differs
   */
  Job save(Job job);
}
