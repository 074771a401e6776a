package dev.oficio.fees;

import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import java.time.Instant;
import java.util.Currency;

/** Small fixtures for fee tests. */
final class Schedules {
  static final Currency USD = Currency.getInstance("USD");
  static final Instant JAN_2027 = Instant.parse("2027-01-01T04:00:00Z");
  static final Instant FEB_2027 = Instant.parse("2027-02-01T14:00:00Z");

  private Schedules() {}

  static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  static Rate pct(String percent) {
    return Rate.parse(percent);
  }

  /**
   * The Builderscrack-like marginal default: 7.5% to 2,500, 4.5% to 10,000, 1.5% above, $10 min.
   */
  static FeeRule.Builder marginalDefault() {
    return FeeRule.builder("default", USD)
        .method(FeeMethod.MARGINAL)
        .tier(usd("2500.00"), pct("7.5"))
        .tier(usd("10000.00"), pct("4.5"))
        .lastTier(pct("1.5"))
        .minimum(usd("10.00"));
  }

  /** The same tiers applied FLAT. */
  static FeeRule.Builder flatDefault() {
    return FeeRule.builder("default", USD)
        .method(FeeMethod.FLAT)
        .tier(usd("2500.00"), pct("7.5"))
        .tier(usd("10000.00"), pct("4.5"))
        .lastTier(pct("1.5"));
  }

  /** The issue's plan rule: PRO plan pays a flat 5%, at least $5. */
  static FeeRule.Builder proPlan() {
    return FeeRule.builder("pro-plan", USD)
        .match(FeeMatch.plan("PRO"))
        .method(FeeMethod.FLAT)
        .lastTier(pct("5"))
        .minimum(usd("5.00"));
  }

  static FeeSchedule.Builder schedule() {
    return FeeSchedule.builder("oficio-default", 1, USD, JAN_2027);
  }

  /** The issue's example schedule. */
  static FeeSchedule issueExample() {
    return schedule().rule(marginalDefault()).rule(proPlan()).build();
  }

  static FeeQuote quote(FeeSchedule schedule, String amount) {
    return FeeResolver.of(schedule).quote(FeeQuery.of(usd(amount), FEB_2027));
  }
}
