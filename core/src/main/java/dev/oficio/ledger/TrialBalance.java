package dev.oficio.ledger;

import dev.oficio.shared.Money;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every account's balance at one moment. In a healthy ledger the balances of each currency sum to
 * zero ({@link #isBalanced()}). Immutable.
 *
 * @param lines one line per account and currency with a non-zero balance, sorted by account
 */
public record TrialBalance(List<Line> lines) {

  /** One account's balance in one currency (debits positive). */
  public record Line(Account account, Money balance) {}

  /** Copies the lines. */
  public TrialBalance {
    lines = List.copyOf(lines);
  }

  /** The sum of all balances per currency code; every value is zero when balanced. */
  public Map<String, Money> totals() {
    Map<String, Money> totals = new TreeMap<>();
    for (Line line : lines) {
      totals.merge(line.balance().currency().getCurrencyCode(), line.balance(), Money::plus);
    }
    return totals;
  }

  /** Whether every currency's balances sum to zero. */
  public boolean isBalanced() {
    return totals().values().stream().allMatch(Money::isZero);
  }

  /** The balance of {@code account} in {@code currency}, zero if it has none. */
  public Money balanceOf(Account account, Currency currency) {
    return lines.stream()
        .filter(l -> l.account().equals(account) && l.balance().currency().equals(currency))
        .map(Line::balance)
        .findFirst()
        .orElse(Money.zero(currency));
  }

  /** A fixed-width text table of debits and credits, for logs and the examples. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-34s %14s %14s%n", "account", "debit", "credit"));
    for (Line line : lines) {
      Money b = line.balance();
      String amount = b.abs().toString();
      out.append(
          String.format(
              "%-34s %14s %14s%n",
              line.account(), b.isPositive() ? amount : "", b.isNegative() ? amount : ""));
    }
    totals()
        .forEach(
            (currency, total) ->
                out.append(
                    String.format(
                        "%-34s %29s%n",
                        "total " + currency, total.isZero() ? "balanced" : "OFF BY " + total)));
    return out.toString();
  }
}
