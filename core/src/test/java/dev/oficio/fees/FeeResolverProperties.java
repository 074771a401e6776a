package dev.oficio.fees;

import static dev.oficio.fees.Schedules.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.oficio.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the resolver over random valid schedules. A schedule is derived from a generated
 * seed, so a failure reports the seed that rebuilds it.
 */
class FeeResolverProperties {
  private static final Instant AT = RandomSchedules.AT;
  private static final RoundingMode[] MODES = RandomSchedules.MODES;

  /** Up to $1,000,000 in cents. */
  private static final long MAX_AMOUNT = 100_000_000L;

  @Test
  void feesAreNeverNegativeNeverAboveTheGrossAndConserveEveryCent() {
    qt().forAll(longs().all(), longs().between(0, MAX_AMOUNT), longs().all())
        .checkAssert(
            (scheduleSeed, amount, querySeed) -> {
              FeeSchedule schedule = RandomSchedules.randomSchedule(scheduleSeed);
              FeeQuote quote =
                  FeeResolver.of(schedule).quote(RandomSchedules.randomQuery(amount, querySeed));
              assertThat(quote.platformFee().minorUnits()).isBetween(0L, amount);
              assertThat(quote.taxOnFee().isNegative()).isFalse();
              assertThat(quote.proPayout().isNegative()).isFalse();
              long deducted =
                  quote.platformFee().minorUnits()
                      + quote.taxOnFee().minorUnits()
                      + quote.processorFeeBorneByPro().minorUnits();
              assertThat(quote.proPayout().minorUnits() + deducted).isEqualTo(amount);
              if (schedule.processorFee().payer() == FeePayer.PRO
                  && quote.proPayout().isPositive()) {
                // The pro bears all of it whenever the payout could cover it.
                assertThat(quote.processorFeeBorneByPro()).isEqualTo(quote.processorFee());
              }
              assertThat(quote.customerTotal().minorUnits())
                  .isEqualTo(amount + quote.customerServiceFee().minorUnits());
              // The long-arithmetic quote agrees with the explanation's exact BigDecimal one.
              assertThat(quote.explanation().rounded()).isEqualTo(quote.platformFee());
              if (quote.customerExplanation() != null) {
                assertThat(quote.customerExplanation().rounded())
                    .isEqualTo(quote.customerServiceFee());
              }
            });
  }

  @Test
  void marginalFeesAreNonDecreasingAndContinuous() {
    qt().forAll(longs().all(), longs().between(0, MAX_AMOUNT - 1))
        .checkAssert(
            (seed, amount) -> {
              Random random = new Random(seed);
              FeeSchedule schedule =
                  FeeSchedule.builder("marginal", 1, USD, AT)
                      .rounding(MODES[random.nextInt(MODES.length)])
                      .rule(
                          RandomSchedules.randomRule(random, "default", FeeMatch.ANY)
                              .method(FeeMethod.MARGINAL)
                              .basis(FeeBasis.JOB_AMOUNT))
                      .build();
              FeeQuote low =
                  FeeResolver.of(schedule).quote(FeeQuery.of(Money.ofMinor(amount, USD), AT));
              FeeQuote high =
                  FeeResolver.of(schedule).quote(FeeQuery.of(Money.ofMinor(amount + 1, USD), AT));
              BigDecimal jump = high.explanation().exact().subtract(low.explanation().exact());
              // One more cent of basis adds at most one cent (rates are at most 100%).
              assertThat(jump).isBetween(BigDecimal.ZERO, new BigDecimal("0.01"));
              long rounded = high.platformFee().minorUnits() - low.platformFee().minorUnits();
              assertThat(rounded).isBetween(0L, 1L);
            });
  }

  @Test
  void theMostSpecificMatchingRuleAlwaysWins() {
    qt().forAll(longs().all(), longs().between(0, MAX_AMOUNT), longs().all())
        .checkAssert(
            (scheduleSeed, amount, querySeed) -> {
              FeeSchedule schedule = RandomSchedules.randomSchedule(scheduleSeed);
              FeeQuery query = RandomSchedules.randomQuery(amount, querySeed);
              FeeQuote quote = FeeResolver.of(schedule).quote(query);
              FeeRule winner =
                  schedule.rules().stream()
                      .filter(r -> r.name().equals(quote.rule()))
                      .findFirst()
                      .orElseThrow();
              assertThat(winner.match().matches(query.proId(), query.plan(), query.category()))
                  .isTrue();
              for (FeeRule other : schedule.rules()) {
                if (other != winner
                    && other.match().matches(query.proId(), query.plan(), query.category())) {
                  assertThat(other.match().specificity()).isLessThan(winner.match().specificity());
                }
              }
            });
  }

  @Test
  void quotingIsDeterministic() {
    qt().forAll(longs().all(), longs().between(0, MAX_AMOUNT), longs().all())
        .checkAssert(
            (scheduleSeed, amount, querySeed) -> {
              FeeQuote first =
                  FeeResolver.of(RandomSchedules.randomSchedule(scheduleSeed))
                      .quote(RandomSchedules.randomQuery(amount, querySeed));
              FeeQuote second =
                  FeeResolver.of(RandomSchedules.randomSchedule(scheduleSeed))
                      .quote(RandomSchedules.randomQuery(amount, querySeed));
              assertThat(second).isEqualTo(first);
              assertThat(second.explanationLines()).isEqualTo(first.explanationLines());
            });
  }

  @Test
  void refundingTheFullAmountReversesExactlyTheFeesInAnyNumberOfSteps() {
    qt().forAll(
            longs().all(), longs().between(1, MAX_AMOUNT), longs().all(), integers().between(1, 5))
        .checkAssert(
            (scheduleSeed, amount, querySeed, steps) -> {
              FeeResolver resolver = FeeResolver.of(RandomSchedules.randomSchedule(scheduleSeed));
              FeeQuote quote = resolver.quote(RandomSchedules.randomQuery(amount, querySeed));
              RefundQuote whole = resolver.refundQuote(quote, quote.gross());
              assertThat(whole.platformFeeReversed()).isEqualTo(quote.platformFee());
              assertThat(whole.taxOnFeeReversed()).isEqualTo(quote.taxOnFee());
              assertThat(whole.proPayoutReversed()).isEqualTo(quote.proPayout());
              assertThat(whole.customerRefund()).isEqualTo(quote.customerTotal());

              List<Money> parts = quote.gross().allocate(splits(steps, querySeed));
              Money refunded = Money.zero(USD);
              long fee = 0;
              long payout = 0;
              long service = 0;
              for (Money part : parts) {
                if (!part.isPositive()) {
                  continue;
                }
                RefundQuote refund = resolver.refundQuote(quote, part, refunded);
                refunded = refunded.plus(part);
                fee += refund.platformFeeReversed().minorUnits();
                payout += refund.proPayoutReversed().minorUnits();
                service += refund.customerServiceFeeReversed().minorUnits();
              }
              assertThat(fee).isEqualTo(quote.platformFee().minorUnits());
              assertThat(payout).isEqualTo(quote.proPayout().minorUnits());
              assertThat(service).isEqualTo(quote.customerServiceFee().minorUnits());
            });
  }

  @Test
  void longDivisionRoundsLikeBigDecimal() {
    qt().forAll(
            longs().between(0, Long.MAX_VALUE),
            longs().between(1, 100_000_000_000L),
            integers().between(0, 5))
        .checkAssert(
            (numerator, denominator, mode) -> {
              RoundingMode rounding = RandomSchedules.ALL_MODES[mode];
              assertThat(ScaledRate.divide(numerator, denominator, rounding))
                  .isEqualTo(
                      BigDecimal.valueOf(numerator)
                          .divide(BigDecimal.valueOf(denominator), 0, rounding)
                          .longValueExact());
            });
  }

  private static int[] splits(int steps, long seed) {
    Random random = new Random(seed);
    int[] ratios = new int[steps];
    for (int i = 0; i < steps; i++) {
      ratios[i] = 1 + random.nextInt(100);
    }
    return ratios;
  }
}
