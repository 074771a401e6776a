package dev.oficio.stripe;

import dev.oficio.shared.Money;
import java.util.Currency;
import java.util.Locale;

/** Converts between {@link Money} and Stripe's integer amounts and lower-case currency codes. */
final class StripeMoney {
  private StripeMoney() {}

  static String currency(Money money) {
    return money.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
  }

  /** Stripe's amount in the currency's smallest unit, or null if Stripe did not send one. */
  static Money money(Long amount, String currency) {
    if (amount == null || currency == null) {
      return null;
    }
    return Money.ofMinor(amount, Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
  }
}
