package dev.oficio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every {@link Inbox} meets (published in core's test-jar). */
public abstract class InboxContractTest {
  /** For subclasses that bind the contract to an implementation. */
  protected InboxContractTest() {}

  private static final Instant T0 = Instant.parse("2026-12-04T15:00:00Z");
  private Inbox inbox;

  /** A new, empty inbox. */
  protected abstract Inbox newInbox();

  /** The unit-of-work runner the inbox needs; in-memory by default. */
  protected TransactionRunner transactions() {
    return TransactionRunner.inMemory();
  }

  @BeforeEach
  void createInbox() {
    inbox = newInbox();
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().inTransaction(work);
  }

  private static InboxEvent event(String provider, String id) {
    return new InboxEvent(provider, id, "payment_intent.succeeded", T0, "{\"id\":\"" + id + "\"}");
  }

  @Test
  void storesAnEventOncePerProviderAndId() {
    assertThat(tx(() -> inbox.store(event("stripe", "evt_1")))).isTrue();
    assertThat(tx(() -> inbox.store(event("stripe", "evt_1")))).isFalse();
    assertThat(tx(() -> inbox.store(event("ath", "evt_1")))).isTrue();
    assertThat(tx(() -> inbox.unprocessed(10)))
        .extracting(InboxEvent::provider)
        .containsExactly("stripe", "ath");
  }

  @Test
  void processedEventsLeaveTheReplayQueue() {
    tx(() -> inbox.store(event("stripe", "evt_1")));
    tx(() -> inbox.store(event("stripe", "evt_2")));
    transactions().run(() -> inbox.markProcessed("stripe", "evt_1", T0.plusSeconds(1)));
    assertThat(tx(() -> inbox.isProcessed("stripe", "evt_1"))).isTrue();
    assertThat(tx(() -> inbox.isProcessed("stripe", "evt_2"))).isFalse();
    assertThat(tx(() -> inbox.unprocessed(10)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.eventId()).isEqualTo("evt_2");
              assertThat(e.rawBody()).isEqualTo("{\"id\":\"evt_2\"}");
              assertThat(e.receivedAt()).isEqualTo(T0);
            });
  }

  @Test
  void markingAnUnknownEventIsIgnored() {
    transactions().run(() -> inbox.markProcessed("stripe", "evt_missing", T0));
    assertThat(tx(() -> inbox.isProcessed("stripe", "evt_missing"))).isFalse();
  }
}
