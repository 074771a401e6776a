package dev.oficio.benchmarks;

import dev.oficio.Oficio;
import dev.oficio.jdbc.OficioJdbc;
import dev.oficio.jobs.Job;
import dev.oficio.jobs.QuoteJob;
import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.payments.OnboardingStatus;
import dev.oficio.payments.simulated.SimulatedGateway;
import dev.oficio.payments.simulated.SimulatedProfile;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.DomainEvent;
import dev.oficio.shared.IdGenerator;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Units of work per second on the JDBC adapter next to the raw floor, measured in the same run on
 * the same connection: a unit records a three-posting ledger entry and appends one outbox event
 * (entry insert, postings batch insert, outbox insert, commit); the floor commits one plain
 * single-row insert per transaction.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.oficio.benchmarks.PersistenceBenchmark [units]
 * </pre>
 *
 * Runs on embedded H2 (a temporary directory) and on PostgreSQL at {@code OFICIO_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}) in a scratch schema dropped
 * afterwards; PostgreSQL is skipped with a message when unreachable. Single-threaded; a rough
 * measurement, not JMH (each figure is the best of three rounds after a warm-up).
 */
public final class PersistenceBenchmark {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant T0 = Instant.parse("2027-03-02T13:00:00Z");
  private static final Account HELD = Account.of(AccountType.CUSTOMER_FUNDS_HELD);
  private static final Account REVENUE = Account.of(AccountType.PLATFORM_REVENUE);
  private static final Account PRO = Account.proPayable(ProId.of("p-17"));
  private static final int ROUNDS = 3;

  /** The event appended by each unit. */
  record JobCompleted(String aggregateId, Instant occurredAt, Money amount) implements DomainEvent {
    @Override
    public String aggregateType() {
      return "Job";
    }
  }

  private PersistenceBenchmark() {}

  /** A clock the benchmark moves by hand (core's test clock is not on this class path). */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Runs the measurement; the optional argument is the number of units per round. */
  public static void main(String[] args) throws Exception {
    int units = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    System.out.printf(
        Locale.ROOT,
        "%-12s %14s %16s %6s %14s %14s%n",
        "database",
        "raw commits/s",
        "ledger+outbox/s",
        "ratio",
        "raw cpu us/tx",
        "unit cpu us/tx");
    Path dir = Files.createTempDirectory("oficio-bench");
    try {
      String url = OficioJdbc.h2Url("file:" + dir.resolve("bench"));
      try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
        measure("H2 (file)", connection, "bench_" + suffix(), units);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    String pgUrl =
        System.getenv().getOrDefault("OFICIO_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    Connection pg;
    try {
      pg = DriverManager.getConnection(pgUrl, "postgres", System.getenv("OFICIO_PG_PASSWORD"));
    } catch (SQLException e) {
      System.out.println("PostgreSQL   skipped: " + e.getMessage());
      return;
    }
    String schema = "bench_" + suffix();
    try (pg) {
      measure("PostgreSQL", pg, schema, units);
    } finally {
      try (Connection c =
              DriverManager.getConnection(pgUrl, "postgres", System.getenv("OFICIO_PG_PASSWORD"));
          Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  private static void measure(String name, Connection connection, String schema, int units)
      throws SQLException {
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection);
    OficioJdbc jdbc = OficioJdbc.builder(dataSource).schema(schema).build();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "create table " + schema + ".raw_floor (id bigint primary key, note varchar not null)");
    }
    connection.setAutoCommit(true);

    int[] next = {0};
    Runnable raw = () -> rawInsert(connection, schema, next[0]++);
    Runnable unit =
        () -> {
          int n = next[0]++;
          jdbc.transactions()
              .run(
                  () -> {
                    jdbc.ledger().record(completion("complete:job-" + n));
                    jdbc.outbox().append(new JobCompleted("job-" + n, T0, Money.of("250.00", USD)));
                  });
        };

    // Warm up both paths (JIT, caches, statement plans) before timing.
    time(raw, units / 4);
    time(unit, units / 4);
    Result rawBest = new Result(0, 0);
    Result unitBest = new Result(0, 0);
    for (int round = 0; round < ROUNDS; round++) {
      rawBest = rawBest.best(time(raw, units));
      unitBest = unitBest.best(time(unit, units));
    }
    if (!jdbc.ledger().trialBalance().isBalanced()) {
      throw new IllegalStateException("ledger unbalanced after the benchmark");
    }
    lifecycles(name, dataSource, jdbc, Math.max(50, units / 10));
    System.out.printf(
        Locale.ROOT,
        "%-12s %14.0f %16.0f %6.2f %14.0f %14.0f%n",
        name,
        rawBest.perSecond(),
        unitBest.perSecond(),
        unitBest.perSecond() / rawBest.perSecond(),
        rawBest.cpuMicrosPerUnit(),
        unitBest.cpuMicrosPerUnit());
  }

  /**
   * One round: wall-clock throughput and this thread's CPU time per unit (the client's share of the
   * work; on a busy machine it varies far less than the wall clock).
   */
  private record Result(double perSecond, double cpuMicrosPerUnit) {
    Result best(Result other) {
      return other.perSecond > perSecond ? other : this;
    }
  }

  /**
   * Job lifecycles (quote → accept with a hold → complete: capture, fee, transfer, ledger and
   * outbox) on the same database, with the simulated gateway, with statements and commits counted.
   */
  private static void lifecycles(
      String name, SingleConnectionDataSource dataSource, OficioJdbc jdbc, int count) {
    MutableClock clock = new MutableClock(T0);
    Oficio oficio =
        jdbc.configure(Oficio.builder())
            .clock(clock)
            .ids(IdGenerator.uuid())
            .paymentGateway(SimulatedGateway.of(SimulatedProfile.STRIPE_LIKE, clock))
            .build();
    ProId pro = ProId.of("p-bench");
    oficio.payees().register(pro, SimulatedGateway.PROVIDER, "acct_bench");
    oficio.payees().update(pro, OnboardingStatus.COMPLETE, true, List.of());
    Runnable lifecycle =
        () -> {
          Job job =
              oficio
                  .jobs()
                  .quote(
                      new QuoteJob(
                          CustomerId.of("c-bench"),
                          pro,
                          Money.of("250.00", USD),
                          T0.plus(Duration.ofDays(2)),
                          "pm_card_visa",
                          null,
                          null));
          oficio.jobs().accept(job.id());
          oficio.jobs().complete(job.id());
        };
    time(lifecycle, count / 2);
    long statementsBefore = dataSource.statements();
    long commitsBefore = dataSource.commits();
    Result result = time(lifecycle, count);
    System.out.printf(
        Locale.ROOT,
        "%-12s job lifecycles/s %6.0f  (%.1f statements + %.1f commits each, %.0f client cpu us)%n",
        name,
        result.perSecond(),
        (dataSource.statements() - statementsBefore) / (double) count,
        (dataSource.commits() - commitsBefore) / (double) count,
        result.cpuMicrosPerUnit());
  }

  private static Result time(Runnable work, int times) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < times; i++) {
      work.run();
    }
    long wall = System.nanoTime() - start;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    return new Result(times / (wall / 1e9), cpu / 1e3 / times);
  }

  private static void rawInsert(Connection connection, String schema, int id) {
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement statement =
          connection.prepareStatement(
              "insert into " + schema + ".raw_floor (id, note) values (?, ?)")) {
        statement.setLong(1, id);
        statement.setString(2, "floor");
        statement.executeUpdate();
      }
      connection.commit();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** $250 job completed: $30 platform fee, $220 owed to the pro. */
  private static JournalEntry completion(String key) {
    return JournalEntry.builder(key, T0, "job completed")
        .debit(HELD, Money.of("250.00", USD))
        .credit(REVENUE, Money.of("30.00", USD))
        .credit(PRO, Money.of("220.00", USD))
        .build();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
