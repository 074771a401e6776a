package dev.oficio.jobs;

import dev.oficio.fees.FeeQuery;
import dev.oficio.fees.FeeQuote;
import dev.oficio.fees.FeeResolver;
import dev.oficio.fees.FeeRule;
import dev.oficio.fees.FeeSchedule;
import dev.oficio.shared.CustomerId;
import dev.oficio.shared.JobId;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

/** Builds jobs for tests: {@code JobFixture.aJob().withAmount("250.00").quoted()}. */
public final class JobFixture {
  static final Currency USD = Currency.getInstance("USD");
  static final Instant T0 = Instant.parse("2027-03-01T13:00:00Z");
  static final FeeSchedule TWELVE_PERCENT =
      FeeSchedule.builder("test", 3, USD, Instant.EPOCH)
          .rule(FeeRule.builder("default", USD).lastTier(Rate.parse("12")))
          .build();

  private String id = "job-1";
  private Money amount = Money.of("100.00", USD);
  private Duration startsIn = Duration.ofDays(2);

  private JobFixture() {}

  /** A $100 job starting in two days under a 12% schedule (version 3). */
  public static JobFixture aJob() {
    return new JobFixture();
  }

  /** With this id. */
  public JobFixture withId(String value) {
    this.id = value;
    return this;
  }

  /** With this price. */
  public JobFixture withAmount(String value) {
    this.amount = Money.of(value, USD);
    return this;
  }

  /** The quote of the price under the 12% schedule. */
  FeeQuote quote() {
    return FeeResolver.quote(TWELVE_PERCENT, FeeQuery.of(amount, T0));
  }

  /** A QUOTED job. */
  public Job quoted() {
    return Job.quote(
        JobId.of(id),
        CustomerId.of("c-1"),
        ProId.of("p-1"),
        T0.plus(startsIn),
        "pm_1",
        quote(),
        T0);
  }
}
