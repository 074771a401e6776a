package dev.oficio.jdbc;

import dev.oficio.fees.FeePayer;
import dev.oficio.fees.FeeQuote;
import dev.oficio.jobs.Job;
import dev.oficio.jobs.JobStatus;
import dev.oficio.jobs.Jobs;
import dev.oficio.jobs.SecuredBy;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Jobs} on the {@code jobs} table: the job's state as a JSON document (read back through
 * {@link Job#restore}), its status, parties and payment as columns, and a {@code version} for
 * optimistic locking ({@link OptimisticLocking}). New events are not stored here: services append
 * them to the outbox in the same unit of work.
 */
final class JdbcJobs implements Jobs {
  private final JdbcTransactionRunner transactions;
  private final EventJson json;
  private final String table;
  private final String select;

  /** The stored state of a job, apart from its id and version. */
  record JobDocument(
      CustomerId customer,
      ProId pro,
      Instant scheduledAt,
      String paymentMethod,
      QuoteDocument quote,
      JobStatus status,
      PaymentId payment,
      SecuredBy securedBy,
      Instant acceptedAt,
      Money refunded,
      Map<String, Money> pendingRefunds,
      Set<String> settledRefunds,
      Money cancellationFee,
      Instant createdAt) {}

  /**
   * A frozen fee quote without its explanation: the explanation is recomputed from the fee rule and
   * is not data (re-quote to explain a stored job's fee).
   */
  record QuoteDocument(
      String scheduleId,
      int scheduleVersion,
      String rule,
      String customerRule,
      Money gross,
      Money platformFee,
      Money taxOnFee,
      Money processorFee,
      FeePayer processorFeePayer,
      Money processorFeeBorneByPro,
      Money customerServiceFee,
      Money proPayout,
      Money customerTotal) {

    static QuoteDocument of(FeeQuote q) {
      return new QuoteDocument(
          q.scheduleId(),
          q.scheduleVersion(),
          q.rule(),
          q.customerRule(),
          q.gross(),
          q.platformFee(),
          q.taxOnFee(),
          q.processorFee(),
          q.processorFeePayer(),
          q.processorFeeBorneByPro(),
          q.customerServiceFee(),
          q.proPayout(),
          q.customerTotal());
    }

    FeeQuote toQuote() {
      return new FeeQuote(
          scheduleId,
          scheduleVersion,
          rule,
          customerRule,
          gross,
          platformFee,
          taxOnFee,
          processorFee,
          processorFeePayer,
          processorFeeBorneByPro,
          customerServiceFee,
          proPayout,
          customerTotal,
          null,
          null);
    }
  }

  JdbcJobs(JdbcTransactionRunner transactions, String schema, EventJson json) {
    this.transactions = transactions;
    this.json = json;
    this.table = schema + ".jobs";
    this.select = "select version, document from " + table + " where job_id = ?";
  }

  @Override
  public Optional<Job> find(JobId id) {
    if (id == null) {
      throw ValidationException.of("id", "must not be null");
    }
    return transactions.withConnection(
        "find job",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              JobDocument d = json.readDocument(rows.getString("document"), JobDocument.class);
              return Optional.of(
                  Job.restore(
                      id,
                      d.customer(),
                      d.pro(),
                      d.scheduledAt(),
                      d.paymentMethod(),
                      d.quote().toQuote(),
                      d.status(),
                      d.payment(),
                      d.securedBy(),
                      d.acceptedAt(),
                      d.refunded(),
                      d.pendingRefunds(),
                      d.settledRefunds(),
                      d.cancellationFee(),
                      d.createdAt(),
                      rows.getLong("version")));
            }
          }
        });
  }

  @Override
  public Job save(Job job) {
    if (job == null) {
      throw ValidationException.of("job", "must not be null");
    }
    JobDocument document =
        new JobDocument(
            job.customer(),
            job.pro(),
            job.scheduledAt(),
            job.paymentMethod(),
            QuoteDocument.of(job.quote()),
            job.status(),
            job.payment().orElse(null),
            job.securedBy().orElse(null),
            job.acceptedAt().orElse(null),
            job.refunded(),
            job.pendingRefunds(),
            job.settledRefunds(),
            job.cancellationFee().orElse(null),
            job.createdAt());
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("status", job.status());
    columns.put("customer_id", job.customer().value());
    columns.put("pro_id", job.pro().value());
    columns.put("payment_id", job.payment().map(PaymentId::value).orElse(null));
    columns.put("document", json.writeDocument(document));
    columns.put("created_at", job.createdAt());
    long version =
        transactions.withConnection(
            "save job",
            connection ->
                OptimisticLocking.save(
                    connection, table, "Job", "job_id", job.id().value(), job.version(), columns));
    return job.withVersion(version);
  }
}
