package dev.oficio.jobs;

import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.JobId;
import dev.oficio.shared.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Jobs} in memory. Jobs are immutable, so stored values are shared safely. */
public final class InMemoryJobs implements Jobs {
  private final Map<JobId, Job> byId = new LinkedHashMap<>();

  /** No jobs. */
  public InMemoryJobs() {}

  @Override
  public synchronized Optional<Job> find(JobId id) {
    if (id == null) {
      throw ValidationException.of("id", "must not be null");
    }
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Job save(Job job) {
    if (job == null) {
      throw ValidationException.of("job", "must not be null");
    }
    Job stored = byId.get(job.id());
    long storedVersion = stored == null ? 0 : stored.version();
    if (storedVersion != job.version()) {
      throw new ConcurrencyException("Job " + job.id(), job.version());
    }
    Job saved = job.withVersion(job.version() + 1);
    byId.put(job.id(), saved);
    return saved;
  }

  /** Every stored job in insertion order; for tests and the examples. */
  public synchronized List<Job> all() {
    return List.copyOf(byId.values());
  }
}
