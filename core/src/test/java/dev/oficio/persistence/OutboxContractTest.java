package dev.oficio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every {@link Outbox} meets (published in core's test-jar). */
public abstract class OutboxContractTest {
  /** For subclasses that bind the contract to an implementation. */
  protected OutboxContractTest() {}

  private static final Instant T0 = Instant.parse("2026-12-04T15:00:00Z");
  private Outbox outbox;

  /** A new, empty outbox. */
  protected abstract Outbox newOutbox();

  /** The unit-of-work runner the outbox needs; in-memory by default. */
  protected TransactionRunner transactions() {
    return TransactionRunner.inMemory();
  }

  @BeforeEach
  void createOutbox() {
    outbox = newOutbox();
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().inTransaction(work);
  }

  @Test
  void pollReturnsUnpublishedEventsInAppendOrderUntilAcknowledged() {
    transactions()
        .run(
            () -> {
              outbox.append(new TestEvent("job-1", T0, "first"));
              outbox.appendAll(
                  List.of(
                      new TestEvent("job-2", T0.plusSeconds(1), "second"),
                      new TestEvent("job-1", T0.plusSeconds(2), "third")));
            });
    List<OutboxMessage> batch = tx(() -> outbox.poll(10));
    assertThat(batch)
        .extracting(m -> ((TestEvent) m.event()).note())
        .containsExactly("first", "second", "third");
    assertThat(batch.get(0).sequence()).isLessThan(batch.get(1).sequence());
    assertThat(batch.get(0).event()).isEqualTo(new TestEvent("job-1", T0, "first"));

    // Not acknowledged: seen again.
    assertThat(tx(() -> outbox.poll(2))).extracting(OutboxMessage::sequence).hasSize(2);

    transactions().run(() -> outbox.markPublished(List.of(batch.get(0).sequence())));
    assertThat(tx(() -> outbox.poll(10)))
        .extracting(m -> ((TestEvent) m.event()).note())
        .containsExactly("second", "third");
  }

  @Test
  void acknowledgingUnknownSequencesIsHarmless() {
    transactions().run(() -> outbox.append(new TestEvent("job-1", T0, "only")));
    transactions().run(() -> outbox.markPublished(List.of(-1L, 987_654L)));
    assertThat(tx(() -> outbox.poll(10))).hasSize(1);
  }

  @Test
  void pollRespectsTheBatchSize() {
    transactions()
        .run(
            () -> {
              for (int i = 0; i < 5; i++) {
                outbox.append(new TestEvent("job-" + i, T0, "n" + i));
              }
            });
    assertThat(tx(() -> outbox.poll(3))).hasSize(3);
  }
}
