package dev.oficio.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.persistence.InboxEvent;
import dev.oficio.persistence.OutboxMessage;
import dev.oficio.persistence.ScheduledTimer;
import dev.oficio.persistence.TestEvent;
import dev.oficio.persistence.TimerRequest;
import dev.oficio.persistence.TimerRunner;
import dev.oficio.shared.ConcurrencyException;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several threads and several "host instances" (separate {@link OficioJdbc}s on one schema) at
 * once: every effect happens exactly once and the ledger stays balanced. Bound to PostgreSQL
 * ({@code PgConcurrencyIT}) and H2 ({@code H2ConcurrencyTest}).
 */
abstract class ConcurrencyContract {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant T0 = Instant.parse("2027-03-02T13:00:00Z");
  private static final Account CASH = Account.of(AccountType.CASH_AT_PROVIDER);
  private static final Account HELD = Account.of(AccountType.CUSTOMER_FUNDS_HELD);
  private static final Account PRO = Account.proPayable(ProId.of("p-17"));
  private static final int THREADS = 4;

  private OficioJdbc jdbc;
  private ExecutorService pool;

  /** Ports over an empty schema. */
  abstract OficioJdbc freshDatabase();

  /** A second host instance on the same schema, not migrating again. */
  abstract OficioJdbc anotherInstance();

  @BeforeEach
  void setUp() {
    jdbc = freshDatabase();
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  private <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
    List<T> results = new ArrayList<>();
    for (Future<T> future : pool.invokeAll(tasks)) {
      results.add(future.get());
    }
    return results;
  }

  private static JournalEntry payment(String key, String amount) {
    return JournalEntry.builder(key, T0, "payment")
        .debit(CASH, Money.of(amount, USD))
        .credit(HELD, Money.of(amount, USD))
        .build();
  }

  @Test
  void parallelRunDueLoopsOnSeveralInstancesFireEveryTimerExactlyOnce() throws Exception {
    int count = 120;
    jdbc.transactions()
        .run(
            () -> {
              for (int i = 0; i < count; i++) {
                jdbc.timers().schedule(new TimerRequest("t-" + i, "test.pay", T0, "" + i));
              }
            });
    Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
    List<Callable<TimerRunner.Report>> loops = new ArrayList<>();
    List<OficioJdbc> instances = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      OficioJdbc instance = i == 0 ? jdbc : anotherInstance();
      instances.add(instance);
      TimerRunner runner =
          TimerRunner.builder(
                  instance.timers(),
                  instance.transactions(),
                  Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC))
              .batchSize(5)
              .handler(
                  "test.pay",
                  timer -> {
                    fired.computeIfAbsent(timer.key(), k -> new AtomicInteger()).incrementAndGet();
                    // The effect commits with the timer's completion, or not at all.
                    instance.ledger().record(payment("timer:" + timer.key(), "1.00"));
                    instance
                        .outbox()
                        .append(new TestEvent(timer.key(), T0, "fired " + timer.payload()));
                  })
              .build();
      loops.add(runner::runDue);
    }

    List<TimerRunner.Report> reports = inParallel(loops);

    assertThat(reports.stream().mapToInt(TimerRunner.Report::fired).sum()).isEqualTo(count);
    assertThat(reports).allMatch(r -> r.retried() == 0 && r.failed() == 0);
    assertThat(fired).hasSize(count);
    assertThat(fired.values()).allMatch(n -> n.get() == 1);
    for (int i = 0; i < count; i++) {
      assertThat(jdbc.timers().find("t-" + i))
          .get()
          .extracting(ScheduledTimer::status)
          .isEqualTo(ScheduledTimer.Status.DONE);
    }
    assertThat(jdbc.ledger().entries()).hasSize(count);
    assertThat(jdbc.ledger().balance(CASH, USD)).isEqualTo(Money.of("120.00", USD));
    assertThat(jdbc.ledger().trialBalance().isBalanced()).isTrue();
    assertThat(jdbc.outbox().poll(1000)).hasSize(count);
    instances.stream().filter(i -> i != jdbc).forEach(OficioJdbc::close);
  }

  @Test
  void concurrentLedgerAndOutboxWritesStayConsistent() throws Exception {
    int units = 30;
    Map<String, AtomicInteger> sharedRecorded = new ConcurrentHashMap<>();
    List<Callable<Void>> writers = new ArrayList<>();
    for (int w = 0; w < THREADS; w++) {
      String writer = "w" + w;
      writers.add(
          () -> {
            for (int i = 0; i < units; i++) {
              int n = i;
              jdbc.transactions()
                  .run(
                      () -> {
                        jdbc.ledger().record(payment("own:" + writer + ":" + n, "1.00"));
                        // Every writer records the same shared entry: exactly one of them wins.
                        if (jdbc.ledger().record(payment("shared:" + n, "0.50"))) {
                          sharedRecorded
                              .computeIfAbsent("shared:" + n, k -> new AtomicInteger())
                              .incrementAndGet();
                        }
                        jdbc.outbox().append(new TestEvent(writer, T0, Integer.toString(n)));
                      });
            }
            return null;
          });
    }

    inParallel(writers);

    assertThat(sharedRecorded).hasSize(units);
    assertThat(sharedRecorded.values()).allMatch(n -> n.get() == 1);
    assertThat(jdbc.ledger().entries()).hasSize(THREADS * units + units);
    // 4 writers x 30 x $1.00 + 30 shared x $0.50 = $135.00
    assertThat(jdbc.ledger().balance(CASH, USD)).isEqualTo(Money.of("135.00", USD));
    assertThat(jdbc.ledger().balance(HELD, USD)).isEqualTo(Money.of("-135.00", USD));
    assertThat(jdbc.ledger().trialBalance().isBalanced()).isTrue();

    List<OutboxMessage> messages = jdbc.outbox().poll(10_000);
    assertThat(messages).hasSize(THREADS * units);
    assertThat(messages).extracting(OutboxMessage::sequence).doesNotHaveDuplicates().isSorted();
    Map<String, List<Integer>> perAggregate =
        messages.stream()
            .map(m -> (TestEvent) m.event())
            .collect(
                Collectors.groupingBy(
                    TestEvent::aggregateId,
                    Collectors.mapping(e -> Integer.parseInt(e.note()), Collectors.toList())));
    assertThat(perAggregate).hasSize(THREADS);
    List<Integer> inOrder = new ArrayList<>();
    for (int i = 0; i < units; i++) {
      inOrder.add(i);
    }
    perAggregate.values().forEach(notes -> assertThat(notes).containsExactlyElementsOf(inOrder));
  }

  @Test
  void conflictingWritesOnOneAggregateLeaveOneWinnerAndNoLostUpdate() throws Exception {
    TestJobs jobs = new TestJobs(jdbc);
    jobs.insert("job-1", "ACCEPTED", 25_000);
    CyclicBarrier together = new CyclicBarrier(THREADS);
    List<Callable<String>> commands = new ArrayList<>();
    String[] actions = {"COMPLETED", "CANCELLED", "REFUNDED", "COMPLETED"};
    for (int w = 0; w < THREADS; w++) {
      String action = actions[w];
      String key = action.toLowerCase() + ":job-1:" + w;
      commands.add(
          () -> {
            long read = jobs.find("job-1").orElseThrow().version();
            together.await(10, TimeUnit.SECONDS);
            try {
              jdbc.transactions()
                  .run(
                      () -> {
                        jobs.update("job-1", read, action, 25_000);
                        jdbc.ledger().record(payment(key, "250.00"));
                        jdbc.outbox().append(new TestEvent("job-1", T0, key));
                      });
              return key;
            } catch (ConcurrencyException lost) {
              return "lost";
            }
          });
    }

    List<String> outcomes = inParallel(commands);

    List<String> winners = outcomes.stream().filter(o -> !o.equals("lost")).toList();
    assertThat(winners).hasSize(1);
    String winner = winners.get(0);
    assertThat(jobs.find("job-1")).get().extracting(TestJobs.Row::version).isEqualTo(2L);
    assertThat(jdbc.ledger().entries())
        .extracting(JournalEntry::idempotencyKey)
        .containsExactly(winner);
    assertThat(jdbc.ledger().trialBalance().isBalanced()).isTrue();
    assertThat(jdbc.outbox().poll(10))
        .extracting(m -> ((TestEvent) m.event()).note())
        .containsExactly(winner);
  }

  @Test
  void aRedeliveredWebhookRacingItselfIsStoredOnce() throws Exception {
    InboxEvent event =
        new InboxEvent("stripe", "evt_1", "payment_intent.succeeded", T0, "{\"id\":\"evt_1\"}");
    CyclicBarrier together = new CyclicBarrier(THREADS);
    List<Callable<Boolean>> deliveries = new ArrayList<>();
    for (int w = 0; w < THREADS; w++) {
      deliveries.add(
          () -> {
            together.await(10, TimeUnit.SECONDS);
            return jdbc.inbox().store(event);
          });
    }
    Collection<Boolean> stored = inParallel(deliveries);
    assertThat(stored).containsOnlyOnce(true);
    assertThat(jdbc.inbox().unprocessed(10)).hasSize(1);
  }
}
