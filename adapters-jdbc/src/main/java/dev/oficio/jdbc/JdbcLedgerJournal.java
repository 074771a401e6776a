package dev.oficio.jdbc;

import dev.oficio.ledger.Account;
import dev.oficio.ledger.AccountType;
import dev.oficio.ledger.JournalEntry;
import dev.oficio.ledger.LedgerJournal;
import dev.oficio.ledger.Posting;
import dev.oficio.ledger.TrialBalance;
import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LedgerJournal} on two append-only tables: {@code ledger_entries} (one row per entry, keyed
 * by its idempotency key) and {@code ledger_postings}. This class issues only INSERT and SELECT;
 * balances are sums computed by the database. Recording an entry costs two statements (the entry,
 * then its postings as one batch).
 */
final class JdbcLedgerJournal implements LedgerJournal {
  private final JdbcTransactionRunner transactions;
  private final String insertEntry;
  private final String insertPosting;
  private final String selectPostingsOfKey;
  private final String selectEntryOfKey;
  private final String selectAll;
  private final String selectBalance;
  private final String selectTrialBalance;

  JdbcLedgerJournal(JdbcTransactionRunner transactions, String schema) {
    this.transactions = transactions;
    String entries = schema + ".ledger_entries";
    String postings = schema + ".ledger_postings";
    // ON CONFLICT DO NOTHING: a concurrent or repeated key neither fails the unit of work nor
    // records twice; the caller then compares postings.
    this.insertEntry =
        "insert into "
            + entries
            + " (idempotency_key, recorded_at, description) values (?, ?, ?)"
            + " on conflict do nothing";
    this.insertPosting =
        "insert into "
            + postings
            + " (entry_key, line_no, account_type, account_owner, currency, amount_minor)"
            + " values (?, ?, ?, ?, ?, ?)";
    String postingColumns =
        "p.line_no, p.account_type, p.account_owner, p.currency, p.amount_minor";
    this.selectPostingsOfKey =
        "select "
            + postingColumns
            + " from "
            + postings
            + " p where p.entry_key = ? order by p.line_no";
    this.selectEntryOfKey =
        "select e.idempotency_key, e.recorded_at, e.description, "
            + postingColumns
            + " from "
            + entries
            + " e join "
            + postings
            + " p on p.entry_key = e.idempotency_key where e.idempotency_key = ?"
            + " order by p.line_no";
    this.selectAll =
        "select e.idempotency_key, e.recorded_at, e.description, "
            + postingColumns
            + " from "
            + entries
            + " e join "
            + postings
            + " p on p.entry_key = e.idempotency_key order by e.seq, p.line_no";
    this.selectBalance =
        "select sum(amount_minor) from "
            + postings
            + " where account_type = ? and account_owner = ? and currency = ?";
    this.selectTrialBalance =
        "select account_type, account_owner, currency, sum(amount_minor) from "
            + postings
            + " group by account_type, account_owner, currency"
            + " having sum(amount_minor) <> 0";
  }

  @Override
  public boolean record(JournalEntry entry) {
    if (entry == null) {
      throw ValidationException.of("entry", "must not be null");
    }
    return transactions.withConnection(
        "record ledger entry",
        connection -> {
          int inserted;
          try (PreparedStatement statement = connection.prepareStatement(insertEntry)) {
            statement.setString(1, entry.idempotencyKey());
            Sql.setInstant(statement, 2, entry.recordedAt());
            statement.setString(3, entry.description());
            inserted = statement.executeUpdate();
          }
          if (inserted == 0) {
            List<Posting> existing = postingsOf(connection, entry.idempotencyKey());
            if (!existing.equals(entry.postings())) {
              throw ValidationException.of(
                  "idempotencyKey",
                  entry.idempotencyKey() + " was already used by an entry with different postings");
            }
            return false;
          }
          try (PreparedStatement statement = connection.prepareStatement(insertPosting)) {
            int line = 0;
            for (Posting posting : entry.postings()) {
              statement.setString(1, entry.idempotencyKey());
              statement.setInt(2, ++line);
              statement.setString(3, posting.account().type().name());
              statement.setString(4, posting.account().owner());
              statement.setString(5, posting.amount().currency().getCurrencyCode());
              statement.setLong(6, posting.amount().minorUnits());
              statement.addBatch();
            }
            statement.executeBatch();
          }
          return true;
        });
  }

  @Override
  public Optional<JournalEntry> find(String idempotencyKey) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return transactions.withConnection(
        "find ledger entry",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(selectEntryOfKey)) {
            statement.setString(1, idempotencyKey);
            try (ResultSet rows = statement.executeQuery()) {
              return readEntries(rows).stream().findFirst();
            }
          }
        });
  }

  @Override
  public List<JournalEntry> entries() {
    return transactions.withConnection(
        "list ledger entries",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(selectAll);
              ResultSet rows = statement.executeQuery()) {
            return readEntries(rows);
          }
        });
  }

  @Override
  public Money balance(Account account, Currency currency) {
    if (account == null || currency == null) {
      throw ValidationException.of("balance", "account and currency are required");
    }
    return transactions.withConnection(
        "read ledger balance",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(selectBalance)) {
            statement.setString(1, account.type().name());
            statement.setString(2, account.owner());
            statement.setString(3, currency.getCurrencyCode());
            try (ResultSet rows = statement.executeQuery()) {
              rows.next();
              return Money.ofMinor(Sql.getSum(rows, 1), currency);
            }
          }
        });
  }

  @Override
  public TrialBalance trialBalance() {
    return transactions.withConnection(
        "read trial balance",
        connection -> {
          List<TrialBalance.Line> lines = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(selectTrialBalance);
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              Account account =
                  new Account(AccountType.valueOf(rows.getString(1)), rows.getString(2));
              Currency currency = Currency.getInstance(rows.getString(3).trim());
              lines.add(
                  new TrialBalance.Line(account, Money.ofMinor(Sql.getSum(rows, 4), currency)));
            }
          }
          // The same order as the in-memory journal: account (type order, then owner), currency.
          lines.sort(
              Comparator.comparing(TrialBalance.Line::account)
                  .thenComparing(l -> l.balance().currency().getCurrencyCode()));
          return new TrialBalance(lines);
        });
  }

  private List<Posting> postingsOf(Connection connection, String key) throws SQLException {
    List<Posting> postings = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(selectPostingsOfKey)) {
      statement.setString(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          postings.add(posting(rows));
        }
      }
    }
    return postings;
  }

  private static List<JournalEntry> readEntries(ResultSet rows) throws SQLException {
    Map<String, EntryRows> byKey = new LinkedHashMap<>();
    while (rows.next()) {
      String key = rows.getString("idempotency_key");
      EntryRows entry = byKey.get(key);
      if (entry == null) {
        entry =
            new EntryRows(key, Sql.getInstant(rows, "recorded_at"), rows.getString("description"));
        byKey.put(key, entry);
      }
      entry.postings.add(posting(rows));
    }
    return byKey.values().stream()
        .map(e -> new JournalEntry(e.key, e.recordedAt, e.description, e.postings))
        .toList();
  }

  private static Posting posting(ResultSet rows) throws SQLException {
    Account account =
        new Account(
            AccountType.valueOf(rows.getString("account_type")), rows.getString("account_owner"));
    Currency currency = Currency.getInstance(rows.getString("currency").trim());
    return new Posting(account, Money.ofMinor(rows.getLong("amount_minor"), currency));
  }

  private static final class EntryRows {
    private final String key;
    private final java.time.Instant recordedAt;
    private final String description;
    private final List<Posting> postings = new ArrayList<>();

    private EntryRows(String key, java.time.Instant recordedAt, String description) {
      this.key = key;
      this.recordedAt = recordedAt;
      this.description = description;
    }
  }
}
