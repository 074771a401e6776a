package dev.oficio.jdbc;

import dev.oficio.shared.DomainEvent;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import java.time.Instant;
import java.util.List;

/** A realistic domain event for tests: typed id, money, an enum, a list and a nested record. */
record JobCompleted(
    JobId jobId, Instant occurredAt, Money amount, Outcome outcome, List<Split> splits)
    implements DomainEvent {

  enum Outcome {
    COMPLETED,
    CANCELLED
  }

  record Split(String party, Money amount) {}

  @Override
  public String aggregateType() {
    return "Job";
  }

  @Override
  public String aggregateId() {
    return jobId.value();
  }
}
