package dev.oficio.jdbc;

import dev.oficio.payments.PayeeAccount;
import dev.oficio.payments.PayeeAccounts;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PayeeAccounts} on the {@code payee_accounts} table: one row per pro, the account as a JSON
 * document, the provider's account id as an indexed column (provider events carry only that), and a
 * {@code version} for optimistic locking.
 */
final class JdbcPayeeAccounts implements PayeeAccounts {
  private final JdbcTransactionRunner transactions;
  private final EventJson json;
  private final String table;
  private final String selectByPro;
  private final String selectByProviderAccount;

  JdbcPayeeAccounts(JdbcTransactionRunner transactions, String schema, EventJson json) {
    this.transactions = transactions;
    this.json = json;
    this.table = schema + ".payee_accounts";
    this.selectByPro = "select version, document from " + table + " where pro_id = ?";
    this.selectByProviderAccount =
        "select version, document from "
            + table
            + " where provider = ? and provider_account_id = ? order by pro_id limit 1";
  }

  @Override
  public Optional<PayeeAccount> find(ProId pro) {
    if (pro == null) {
      throw ValidationException.of("pro", "must not be null");
    }
    return query("find payee account", selectByPro, pro.value(), null);
  }

  @Override
  public Optional<PayeeAccount> findByProviderAccount(String provider, String providerAccountId) {
    if (provider == null || providerAccountId == null) {
      return Optional.empty();
    }
    return query(
        "find payee account by provider account",
        selectByProviderAccount,
        provider,
        providerAccountId);
  }

  @Override
  public PayeeAccount save(PayeeAccount account) {
    if (account == null) {
      throw ValidationException.of("account", "must not be null");
    }
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("provider", account.provider());
    columns.put("provider_account_id", account.providerAccountId());
    columns.put("onboarding", account.onboarding());
    columns.put("payouts_enabled", account.payoutsEnabled());
    columns.put("document", json.writeDocument(account));
    columns.put("updated_at", account.updatedAt());
    long version =
        transactions.withConnection(
            "save payee account",
            connection ->
                OptimisticLocking.save(
                    connection,
                    table,
                    "PayeeAccount",
                    "pro_id",
                    account.pro().value(),
                    account.version(),
                    columns));
    return account.withVersion(version);
  }

  private Optional<PayeeAccount> query(String what, String sql, String first, String second) {
    return transactions.withConnection(
        what,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, first);
            if (second != null) {
              statement.setString(2, second);
            }
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
          }
        });
  }

  private PayeeAccount read(ResultSet rows) throws SQLException {
    PayeeAccount stored = json.readDocument(rows.getString("document"), PayeeAccount.class);
    return stored.withVersion(rows.getLong("version"));
  }
}
