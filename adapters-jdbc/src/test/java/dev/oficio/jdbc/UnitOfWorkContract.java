package dev.oficio.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.persistence.OutboxMessage;
import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Units of work over JDBC: a state change, its ledger entry and its outbox row commit together or
 * not at all. Bound to H2 ({@code H2UnitOfWorkTest}) and PostgreSQL ({@code PgUnitOfWorkIT}).
 */
abstract class UnitOfWorkContract {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant T0 = Instant.parse("2027-03-02T13:00:00Z");
  private static final Account HELD = Account.of(AccountType.CUSTOMER_FUNDS_HELD);
  private static final Account REVENUE = Account.of(AccountType.PLATFORM_REVENUE);
  private static final Account PRO = Account.proPayable(ProId.of("p-17"));

  private OficioJdbc jdbc;
  private TransactionRunner tx;
  private TestJobs jobs;

  /** Ports over an empty schema. */
  abstract OficioJdbc freshDatabase();

  @BeforeEach
  void setUp() {
    jdbc = freshDatabase();
    tx = jdbc.transactions();
    jobs = new TestJobs(jdbc);
  }

  /** $250 job completed: $30 to the platform, $220 owed to the pro. */
  private static JournalEntry completion(String jobId) {
    return JournalEntry.builder("complete:" + jobId, T0, "job completed")
        .debit(HELD, Money.of("250.00", USD))
        .credit(REVENUE, Money.of("30.00", USD))
        .credit(PRO, Money.of("220.00", USD))
        .build();
  }

  private static JobCompleted completed(String jobId) {
    return new JobCompleted(
        JobId.of(jobId),
        T0,
        Money.of("250.00", USD),
        JobCompleted.Outcome.COMPLETED,
        List.of(
            new JobCompleted.Split("platform", Money.of("30.00", USD)),
            new JobCompleted.Split("pro", Money.of("220.00", USD))));
  }

  /** The unit a job service runs to complete a job: state, ledger and event together. */
  private void complete(String jobId, long expectedVersion) {
    jobs.update(jobId, expectedVersion, "COMPLETED", 25_000);
    jdbc.ledger().record(completion(jobId));
    jdbc.outbox().append(completed(jobId));
  }

  @Test
  void stateLedgerEntryAndOutboxRowCommitTogether() {
    jobs.insert("job-1", "ACCEPTED", 25_000);
    tx.run(() -> complete("job-1", 1));

    assertThat(jobs.find("job-1"))
        .get()
        .extracting(TestJobs.Row::status, TestJobs.Row::version)
        .containsExactly("COMPLETED", 2L);
    assertThat(jdbc.ledger().find("complete:job-1")).isPresent();
    assertThat(jdbc.ledger().balance(PRO, USD)).isEqualTo(Money.of("-220.00", USD));
    assertThat(jdbc.outbox().poll(10))
        .extracting(OutboxMessage::event)
        .containsExactly(completed("job-1"));
  }

  @Test
  void aUnitRolledBackHalfwayLeavesNoStateNoOutboxRowAndNoLedgerEntry() {
    jobs.insert("job-1", "ACCEPTED", 25_000);

    assertThatThrownBy(
            () ->
                tx.run(
                    () -> {
                      complete("job-1", 1);
                      throw new IllegalStateException("the process died here");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(jobs.find("job-1"))
        .get()
        .extracting(TestJobs.Row::status, TestJobs.Row::version)
        .containsExactly("ACCEPTED", 1L);
    assertThat(jdbc.ledger().find("complete:job-1")).isEmpty();
    assertThat(jdbc.ledger().entries()).isEmpty();
    assertThat(jdbc.ledger().trialBalance().lines()).isEmpty();
    assertThat(jdbc.outbox().poll(10)).isEmpty();
  }

  @Test
  void aFailingStatementHalfwayRollsBackTheWritesBeforeIt() {
    jobs.insert("job-1", "ACCEPTED", 25_000);
    jdbc.ledger().record(completion("job-0"));

    // The ledger write succeeds, then the stale version write fails: both must vanish.
    assertThatThrownBy(
            () ->
                tx.run(
                    () -> {
                      jdbc.ledger().record(completion("job-1"));
                      jdbc.outbox().append(completed("job-1"));
                      jobs.update("job-1", 7, "COMPLETED", 25_000);
                    }))
        .isInstanceOf(ConcurrencyException.class);

    assertThat(jdbc.ledger().entries())
        .extracting(JournalEntry::idempotencyKey)
        .containsExactly("complete:job-0");
    assertThat(jdbc.outbox().poll(10)).isEmpty();
    assertThat(jobs.find("job-1")).get().extracting(TestJobs.Row::version).isEqualTo(1L);
  }

  @Test
  void nestedUnitsJoinTheOuterOneAndRollBackWithIt() {
    jobs.insert("job-1", "ACCEPTED", 25_000);
    assertThatThrownBy(
            () ->
                tx.run(
                    () -> {
                      tx.run(() -> jdbc.ledger().record(completion("job-1")));
                      tx.run(() -> jobs.update("job-1", 1, "COMPLETED", 25_000));
                      throw new IllegalStateException("outer fails after the inner units returned");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(jdbc.ledger().find("complete:job-1")).isEmpty();
    assertThat(jobs.find("job-1")).get().extracting(TestJobs.Row::status).isEqualTo("ACCEPTED");
  }

  @Test
  void writesOfAnOpenUnitAreInvisibleToOtherUnitsUntilCommit() {
    Optional<JournalEntry> seenByOtherThread =
        tx.inTransaction(
            () -> {
              jdbc.ledger().record(completion("job-1"));
              return CompletableFuture.supplyAsync(() -> jdbc.ledger().find("complete:job-1"))
                  .join();
            });
    assertThat(seenByOtherThread).isEmpty();
    assertThat(jdbc.ledger().find("complete:job-1")).isPresent();
  }

  @Test
  void repositoryCallsOutsideAUnitCommitOnTheirOwn() {
    jdbc.ledger().record(completion("job-1"));
    Optional<JournalEntry> seenByOtherThread =
        CompletableFuture.supplyAsync(() -> jdbc.ledger().find("complete:job-1")).join();
    assertThat(seenByOtherThread).isPresent();
  }

  @Test
  void aStaleVersionIsAConcurrencyException() {
    assertThat(jobs.insert("job-1", "ACCEPTED", 25_000)).isEqualTo(1);
    assertThat(jobs.update("job-1", 1, "COMPLETED", 25_000)).isEqualTo(2);

    assertThatThrownBy(() -> jobs.update("job-1", 1, "CANCELLED", 0))
        .isInstanceOf(ConcurrencyException.class)
        .hasMessageContaining("job-1")
        .hasMessageContaining("expected version 1");
    assertThat(jobs.find("job-1")).get().extracting(TestJobs.Row::status).isEqualTo("COMPLETED");
  }

  @Test
  void creatingAnExistingAggregateIsAConcurrencyExceptionAndAMissingOneIsNotFound() {
    jobs.insert("job-1", "ACCEPTED", 25_000);
    assertThatThrownBy(() -> jobs.insert("job-1", "ACCEPTED", 1))
        .isInstanceOf(ConcurrencyException.class);
    assertThatThrownBy(() -> jobs.update("job-404", 1, "COMPLETED", 1))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void versionIsNotAColumnCallersMaySet() {
    assertThatThrownBy(
            () ->
                ((JdbcTransactionRunner) tx)
                    .withConnection(
                        "bad",
                        c ->
                            OptimisticLocking.update(
                                c,
                                jdbc.schema() + ".test_jobs",
                                "Job",
                                "job_id",
                                "job-1",
                                1,
                                java.util.Map.of("version", 9L))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("version");
  }
}
