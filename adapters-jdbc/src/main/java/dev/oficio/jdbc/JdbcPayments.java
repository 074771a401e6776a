package dev.oficio.jdbc;

import dev.oficio.payments.Payment;
import dev.oficio.payments.PaymentTransaction;
import dev.oficio.payments.Payments;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.PaymentId;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Payments} on the {@code payments} table: the payment's state (its transactions and
 * release) as a JSON document read back through {@link Payment#restore}, with status, parties and
 * {@code next_check_at} (the earliest look-up due among its open transactions, for the janitor's
 * {@link #findDue}) as columns, and a {@code version} for optimistic locking.
 */
final class JdbcPayments implements Payments {
  private final JdbcTransactionRunner transactions;
  private final EventJson json;
  private final String table;
  private final String selectOne;
  private final String selectDue;

  /** The stored state of a payment, apart from its id and version. */
  record PaymentDocument(
      String reference,
      CustomerId customer,
      ProId pro,
      Currency currency,
      String paymentMethod,
      Instant createdAt,
      List<PaymentTransaction> transactions,
      Payment.Release release) {}

  JdbcPayments(JdbcTransactionRunner transactions, String schema, EventJson json) {
    this.transactions = transactions;
    this.json = json;
    this.table = schema + ".payments";
    this.selectOne = "select payment_id, version, document from " + table + " where payment_id = ?";
    this.selectDue =
        "select payment_id, version, document from "
            + table
            + " where next_check_at <= ? order by next_check_at, seq limit ?";
  }

  @Override
  public Optional<Payment> find(PaymentId id) {
    if (id == null) {
      throw ValidationException.of("id", "must not be null");
    }
    return transactions.withConnection(
        "find payment",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(selectOne)) {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Payment save(Payment payment) {
    if (payment == null) {
      throw ValidationException.of("payment", "must not be null");
    }
    PaymentDocument document =
        new PaymentDocument(
            payment.reference(),
            payment.customer(),
            payment.pro(),
            payment.currency(),
            payment.paymentMethod(),
            payment.createdAt(),
            payment.transactions(),
            payment.release().orElse(null));
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("status", payment.status());
    columns.put("customer_id", payment.customer().value());
    columns.put("pro_id", payment.pro().value());
    columns.put(
        "next_check_at",
        payment.openTransactions().stream()
            .map(PaymentTransaction::nextCheckAt)
            .min(Comparator.naturalOrder())
            .orElse(null));
    columns.put("document", json.writeDocument(document));
    columns.put("created_at", payment.createdAt());
    long version =
        transactions.withConnection(
            "save payment",
            connection ->
                OptimisticLocking.save(
                    connection,
                    table,
                    "Payment",
                    "payment_id",
                    payment.id().value(),
                    payment.version(),
                    columns));
    return payment.withVersion(version);
  }

  @Override
  public List<Payment> findDue(Instant now, int max) {
    if (now == null || max <= 0) {
      throw ValidationException.of("max", "now is required and max must be positive");
    }
    return transactions.withConnection(
        "find payments due for a look-up",
        connection -> {
          List<Payment> due = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(selectDue)) {
            Sql.setInstant(statement, 1, now);
            statement.setInt(2, max);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                due.add(read(rows));
              }
            }
          }
          return due;
        });
  }

  private Payment read(ResultSet rows) throws SQLException {
    PaymentDocument d = json.readDocument(rows.getString("document"), PaymentDocument.class);
    return Payment.restore(
        PaymentId.of(rows.getString("payment_id")),
        d.reference(),
        d.customer(),
        d.pro(),
        d.currency(),
        d.paymentMethod(),
        d.createdAt(),
        rows.getLong("version"),
        d.transactions(),
        d.release());
  }
}
