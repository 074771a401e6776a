package dev.oficio.jdbc;

import dev.oficio.Oficio;
import dev.oficio.deposits.Appointments;
import dev.oficio.jobs.Jobs;
import dev.oficio.ledger.LedgerJournal;
import dev.oficio.payments.PayeeAccounts;
import dev.oficio.payments.Payments;
import dev.oficio.persistence.Inbox;
import dev.oficio.persistence.Outbox;
import dev.oficio.persistence.Timers;
import dev.oficio.persistence.TransactionRunner;
import dev.oficio.shared.OficioException;
import dev.oficio.shared.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Oficio's persistence on a relational database: every JDBC port over one {@link DataSource}, with
 * the schema migrated by Flyway on start.
 *
 * <pre>{@code
 * OficioJdbc jdbc = OficioJdbc.postgres(hostDataSource);          // schema "oficio"
 * Oficio oficio = jdbc.configure(Oficio.builder()).clock(clock).build();
 * }</pre>
 *
 * <p>{@link #embedded(Path)} opens an H2 file database for the examples and first runs; {@link
 * #postgres(DataSource)} and {@link #builder(DataSource)} take the host's (pooled) data source. The
 * ports share one {@link TransactionRunner}: writes made inside {@code
 * transactions().inTransaction(...)} commit together.
 *
 * <p>Thread-safe. Close it to release the embedded database; closing does nothing to a host's data
 * source.
 */
public final class OficioJdbc implements AutoCloseable {
  /** The schema Oficio's tables live in unless the host chooses another. */
  public static final String DEFAULT_SCHEMA = "oficio";

  private final DataSource dataSource;
  private final String schema;
  private final Dialect dialect;
  private final JdbcTransactionRunner transactions;
  private final JdbcLedgerJournal ledger;
  private final JdbcOutbox outbox;
  private final JdbcInbox inbox;
  private final JdbcTimers timers;
  private final JdbcJobs jobs;
  private final JdbcPayments payments;
  private final JdbcPayeeAccounts payeeAccounts;
  private final JdbcAppointments appointments;
  private final AutoCloseable onClose;

  private OficioJdbc(DataSource dataSource, String schema, Dialect dialect, AutoCloseable onClose) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.dialect = dialect;
    this.onClose = onClose;
    this.transactions = new JdbcTransactionRunner(dataSource);
    this.ledger = new JdbcLedgerJournal(transactions, schema);
    EventJson json = new EventJson();
    this.outbox = new JdbcOutbox(transactions, schema, json);
    this.inbox = new JdbcInbox(transactions, schema);
    this.timers = new JdbcTimers(transactions, schema);
    this.jobs = new JdbcJobs(transactions, schema, json);
    this.payments = new JdbcPayments(transactions, schema, json);
    this.payeeAccounts = new JdbcPayeeAccounts(transactions, schema, json);
    this.appointments = new JdbcAppointments(transactions, schema, json);
  }

  /**
   * An H2 database in {@code dir} (created if missing; file {@code oficio.mv.db}), migrated and
   * ready. Only one process may open it at a time. Close the result when done.
   */
  public static OficioJdbc embedded(Path dir) {
    if (dir == null) {
      throw ValidationException.of("dir", "must not be null");
    }
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new OficioException("cannot create the database directory " + absolute, e);
    }
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(h2Url("file:" + absolute.resolve("oficio")), "sa", "");
    return builder(pool).closeWith(pool::dispose).build();
  }

  /** Oficio on the host's PostgreSQL {@code dataSource}, in schema {@value #DEFAULT_SCHEMA}. */
  public static OficioJdbc postgres(DataSource dataSource) {
    Builder builder = builder(dataSource);
    builder.required = Dialect.POSTGRESQL;
    return builder.build();
  }

  /** Settings for Oficio on {@code dataSource} (PostgreSQL, or H2 in PostgreSQL mode). */
  public static Builder builder(DataSource dataSource) {
    if (dataSource == null) {
      throw ValidationException.of("dataSource", "must not be null");
    }
    return new Builder(dataSource);
  }

  /**
   * The H2 URL Oficio expects for {@code database} (such as {@code mem:test} or {@code
   * file:/var/oficio/db}): PostgreSQL mode with lower-case names.
   */
  public static String h2Url(String database) {
    if (database == null || database.isBlank()) {
      throw ValidationException.of("database", "must not be blank");
    }
    return "jdbc:h2:"
        + database
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  /**
   * Plugs every JDBC port into {@code builder}: transactions, ledger, outbox, inbox, timers, jobs,
   * payments, payee accounts and appointments.
   */
  public Oficio.Builder configure(Oficio.Builder builder) {
    if (builder == null) {
      throw ValidationException.of("builder", "must not be null");
    }
    return builder
        .transactions(transactions)
        .ledger(ledger)
        .outbox(outbox)
        .inbox(inbox)
        .timers(timers)
        .jobs(jobs)
        .payments(payments)
        .payeeAccounts(payeeAccounts)
        .appointments(appointments);
  }

  /** The unit-of-work runner all the ports join. */
  public TransactionRunner transactions() {
    return transactions;
  }

  /** The append-only ledger. */
  public LedgerJournal ledger() {
    return ledger;
  }

  /** The transactional outbox. */
  public Outbox outbox() {
    return outbox;
  }

  /** The webhook inbox. */
  public Inbox inbox() {
    return inbox;
  }

  /** The timer store. */
  public Timers timers() {
    return timers;
  }

  /** The jobs repository. */
  public Jobs jobs() {
    return jobs;
  }

  /** The payments repository. */
  public Payments payments() {
    return payments;
  }

  /** The pros' payee accounts. */
  public PayeeAccounts payeeAccounts() {
    return payeeAccounts;
  }

  /** Estimate visits and their deposits. */
  public Appointments appointments() {
    return appointments;
  }

  /** The data source the ports use. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The schema Oficio's tables live in. */
  public String schema() {
    return schema;
  }

  /** {@code PostgreSQL} or {@code H2}. */
  public String databaseName() {
    return dialect.displayName();
  }

  /** Releases the embedded database; a host's data source is left open. */
  @Override
  public void close() {
    if (onClose != null) {
      try {
        onClose.close();
      } catch (Exception e) {
        throw new OficioException("closing the database failed", e);
      }
    }
  }

  /** Settings of an {@link OficioJdbc}. Not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private String schema = DEFAULT_SCHEMA;
    private boolean migrate = true;
    private AutoCloseable onClose;
    private Dialect required;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * The schema for Oficio's tables (default {@value #DEFAULT_SCHEMA}); created by the migration
     * if missing. Lower-case letters, digits and underscores.
     */
    public Builder schema(String schema) {
      this.schema = Sql.identifier("schema", schema);
      return this;
    }

    /**
     * Whether to run the Flyway migrations on {@link #build()} (default true). Hosts that migrate
     * in a deployment step set false and run the scripts under {@code db/oficio/migration}.
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Something {@link OficioJdbc#close()} closes too, such as a connection pool created only for
     * Oficio (the embedded database closes its own this way).
     */
    public Builder closeWith(AutoCloseable onClose) {
      this.onClose = onClose;
      return this;
    }

    /**
     * Detects the database, migrates the schema (unless turned off) and wires the ports. On failure
     * closes what {@link #closeWith} named.
     */
    public OficioJdbc build() {
      try {
        return open();
      } catch (RuntimeException e) {
        if (onClose != null) {
          try {
            onClose.close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
    }

    private OficioJdbc open() {
      Dialect dialect;
      try (Connection connection = dataSource.getConnection()) {
        dialect = Dialect.of(connection);
      } catch (SQLException e) {
        // The driver's message names host and port (never the password) and says what to check.
        throw new OficioException("cannot connect to the database: " + e.getMessage(), e);
      }
      if (required != null && dialect != required) {
        throw ValidationException.of(
            "dataSource", "is " + dialect.displayName() + ", not " + required.displayName());
      }
      if (migrate) {
        Migrations.migrate(dataSource, dialect, schema);
      }
      return new OficioJdbc(dataSource, schema, dialect, onClose);
    }
  }
}
