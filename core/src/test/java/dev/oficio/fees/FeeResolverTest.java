package dev.oficio.fees;

import static dev.oficio.fees.Schedules.FEB_2027;
import static dev.oficio.fees.Schedules.USD;
import static dev.oficio.fees.Schedules.flatDefault;
import static dev.oficio.fees.Schedules.issueExample;
import static dev.oficio.fees.Schedules.marginalDefault;
import static dev.oficio.fees.Schedules.pct;
import static dev.oficio.fees.Schedules.quote;
import static dev.oficio.fees.Schedules.schedule;
import static dev.oficio.fees.Schedules.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.CurrencyMismatchException;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class FeeResolverTest {

  @Test
  void chargesTheFirstTierRateOnASmallJob() {
    // 750.00 × 7.5% = 56.25; the pro keeps 693.75.
    FeeQuote quote = quote(issueExample(), "750.00");
    assertThat(quote.platformFee()).isEqualTo(usd("56.25"));
    assertThat(quote.proPayout()).isEqualTo(usd("693.75"));
    assertThat(quote.customerTotal()).isEqualTo(usd("750.00"));
    assertThat(quote.rule()).isEqualTo("default");
    assertThat(quote.scheduleId()).isEqualTo("oficio-default");
    assertThat(quote.scheduleVersion()).isEqualTo(1);
  }

  @Test
  void chargesEachMarginalSliceAtItsOwnRate() {
    // 2,500 × 7.5% = 187.50; 7,500 × 4.5% = 337.50; 10,000 × 1.5% = 150.00 → 675.00.
    FeeQuote quote = quote(issueExample(), "20000.00");
    assertThat(quote.platformFee()).isEqualTo(usd("675.00"));
    assertThat(quote.explanation().slices())
        .extracting(FeeSlice::base)
        .containsExactly(usd("2500.00"), usd("7500.00"), usd("10000.00"));
    assertThat(quote.explanation().slices())
        .extracting(FeeSlice::fee)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("187.50"), new BigDecimal("337.50"), new BigDecimal("150"));
    assertThat(quote.explanationLines()).anyMatch(line -> line.contains("7500.00 × 4.5%"));
  }

  @Test
  void marginalFeeIsContinuousAcrossATierBound() {
    FeeSchedule schedule = issueExample();
    // At the bound the whole amount is in tier 1: 2,500 × 7.5% = 187.50.
    assertThat(quote(schedule, "2500.00").platformFee()).isEqualTo(usd("187.50"));
    // One cent more adds 0.01 × 4.5% = 0.00045, which rounds away: 187.50045 → 187.50.
    FeeQuote above = quote(schedule, "2500.01");
    assertThat(above.platformFee()).isEqualTo(usd("187.50"));
    assertThat(above.explanation().exact()).isEqualByComparingTo("187.50045");
  }

  @Test
  void flatFeeChargesTheWholeAmountAtTheTierTheAmountFallsInWithInclusiveBounds() {
    FeeSchedule schedule = schedule().rule(flatDefault()).build();
    // 2,500.00 equals the first bound, so it belongs to tier 1: 2,500 × 7.5% = 187.50.
    assertThat(quote(schedule, "2500.00").platformFee()).isEqualTo(usd("187.50"));
    // 2,500.01 is in tier 2: 2,500.01 × 4.5% = 112.50045 → 112.50 (the flat fee drops).
    assertThat(quote(schedule, "2500.01").platformFee()).isEqualTo(usd("112.50"));
    // 10,000.00 is still tier 2: 450.00; 10,000.01 is tier 3: 150.00015 → 150.00.
    assertThat(quote(schedule, "10000.00").platformFee()).isEqualTo(usd("450.00"));
    assertThat(quote(schedule, "10000.01").platformFee()).isEqualTo(usd("150.00"));
  }

  @Test
  void raisesASmallFeeToTheMinimum() {
    // 200.00 × 7.5% = 15.00 is above the minimum; 100.00 × 7.5% = 7.50 is raised to 10.00.
    assertThat(quote(issueExample(), "200.00").platformFee()).isEqualTo(usd("15.00"));
    FeeQuote quote = quote(issueExample(), "100.00");
    assertThat(quote.platformFee()).isEqualTo(usd("10.00"));
    assertThat(quote.explanation().limit()).isEqualTo(FeeExplanation.Limit.MINIMUM);
    assertThat(quote.proPayout()).isEqualTo(usd("90.00"));
  }

  @Test
  void lowersALargeFeeToTheMaximum() {
    FeeSchedule schedule = schedule().rule(marginalDefault().maximum(usd("250.00"))).build();
    // 5,000: 187.50 + 112.50 = 300.00, above the 250.00 maximum.
    FeeQuote quote = quote(schedule, "5000.00");
    assertThat(quote.platformFee()).isEqualTo(usd("250.00"));
    assertThat(quote.explanation().limit()).isEqualTo(FeeExplanation.Limit.MAXIMUM);
    // 3,000: 187.50 + 22.50 = 210.00, below it.
    assertThat(quote(schedule, "3000.00").platformFee()).isEqualTo(usd("210.00"));
  }

  @Test
  void capsTheFeeAtTheGrossAmount() {
    // The 10.00 minimum on a 6.00 job would take more than the job: capped at 6.00.
    FeeQuote quote = quote(issueExample(), "6.00");
    assertThat(quote.platformFee()).isEqualTo(usd("6.00"));
    assertThat(quote.proPayout()).isEqualTo(usd("0.00"));
    assertThat(quote.explanation().limit()).isEqualTo(FeeExplanation.Limit.GROSS);
  }

  @Test
  void addsTheFixedPartBeforeTheLimits() {
    FeeSchedule schedule =
        schedule()
            .rule(
                FeeRule.builder("default", USD)
                    .lastTier(pct("10"))
                    .fixed(usd("1.00"))
                    .minimum(usd("2.00"))
                    .maximum(usd("100.00")))
            .build();
    // Sharetribe-style 10% + 1.00: 50.00 → 6.00; 5.00 → 1.50 raised to 2.00; 2,000 → 201 → 100.
    assertThat(quote(schedule, "50.00").platformFee()).isEqualTo(usd("6.00"));
    assertThat(quote(schedule, "5.00").platformFee()).isEqualTo(usd("2.00"));
    assertThat(quote(schedule, "2000.00").platformFee()).isEqualTo(usd("100.00"));
  }

  @Test
  void roundsOnceAtTheEndNotPerSlice() {
    FeeSchedule schedule =
        schedule()
            .rule(FeeRule.builder("default", USD).tier(usd("0.10"), pct("5")).lastTier(pct("5")))
            .build();
    // Each slice is 0.10 × 5% = 0.005; rounding each would give 0.02, rounding once gives 0.01.
    assertThat(quote(schedule, "0.20").platformFee()).isEqualTo(usd("0.01"));
  }

  @Test
  void usesTheSchedulesRoundingMode() {
    // 33.33 × 7.5% = 2.49975: HALF_UP gives 2.50, DOWN gives 2.49.
    FeeRule.Builder rule = FeeRule.builder("default", USD).lastTier(pct("7.5"));
    FeeSchedule halfUp = schedule().rule(rule).build();
    FeeSchedule down = schedule().rounding(RoundingMode.DOWN).rule(rule).build();
    assertThat(quote(halfUp, "33.33").platformFee()).isEqualTo(usd("2.50"));
    assertThat(quote(down, "33.33").platformFee()).isEqualTo(usd("2.49"));
  }

  @Test
  void planRuleBeatsTheDefault() {
    FeeResolver resolver = FeeResolver.of(issueExample());
    // PRO plan: flat 5% of 750 = 37.50.
    FeeQuote quote = resolver.quote(FeeQuery.of(usd("750.00"), FEB_2027).withPlan("PRO"));
    assertThat(quote.rule()).isEqualTo("pro-plan");
    assertThat(quote.platformFee()).isEqualTo(usd("37.50"));
    // Another plan falls back to the default.
    assertThat(resolver.quote(FeeQuery.of(usd("750.00"), FEB_2027).withPlan("BASIC")).rule())
        .isEqualTo("default");
  }

  @Test
  void mostSpecificRuleWinsProOverPlanOverCategory() {
    FeeSchedule schedule =
        schedule()
            .rule(marginalDefault())
            .rule(
                FeeRule.builder("electrical", USD)
                    .match(FeeMatch.category("electrical"))
                    .lastTier(pct("6")))
            .rule(FeeRule.builder("pro-plan", USD).match(FeeMatch.plan("PRO")).lastTier(pct("5")))
            .rule(
                FeeRule.builder("pro-electrical", USD)
                    .match(FeeMatch.plan("PRO").withCategory("electrical"))
                    .lastTier(pct("4")))
            .rule(
                FeeRule.builder("contract", USD)
                    .match(FeeMatch.pro(ProId.of("p-1")))
                    .lastTier(pct("3")))
            .build();
    FeeResolver resolver = FeeResolver.of(schedule);
    FeeQuery base = FeeQuery.of(usd("1000.00"), FEB_2027);
    assertThat(resolver.quote(base).rule()).isEqualTo("default");
    assertThat(resolver.quote(base.withCategory("electrical")).rule()).isEqualTo("electrical");
    // plan (2) beats category (1)
    assertThat(resolver.quote(base.withCategory("plumbing").withPlan("PRO")).rule())
        .isEqualTo("pro-plan");
    // plan + category (3) beats plan (2)
    FeeQuote both = resolver.quote(base.withCategory("electrical").withPlan("PRO"));
    assertThat(both.rule()).isEqualTo("pro-electrical");
    assertThat(both.platformFee()).isEqualTo(usd("40.00"));
    // pro (4) beats plan + category (3)
    FeeQuote contract =
        resolver.quote(base.withCategory("electrical").withPlan("PRO").withPro(ProId.of("p-1")));
    assertThat(contract.rule()).isEqualTo("contract");
    assertThat(contract.platformFee()).isEqualTo(usd("30.00"));
  }

  @Test
  void proVolumeMarginalChargesOnlyTheSlicesThisJobAdds() {
    FeeSchedule schedule =
        schedule()
            .rule(
                FeeRule.builder("default", USD)
                    .basis(FeeBasis.PRO_VOLUME)
                    .tier(usd("1000.00"), pct("10"))
                    .lastTier(pct("5")))
            .build();
    FeeQuery query = FeeQuery.of(usd("750.00"), FEB_2027).withPriorVolume(usd("400.00"));
    // Volume goes from 400 to 1,150: 600 at 10% = 60.00, 150 at 5% = 7.50 → 67.50.
    FeeQuote quote = FeeResolver.of(schedule).quote(query);
    assertThat(quote.platformFee()).isEqualTo(usd("67.50"));
    assertThat(quote.explanation().priorVolume()).isEqualTo(usd("400.00"));
    assertThat(quote.explanation().slices())
        .extracting(FeeSlice::base)
        .containsExactly(usd("600.00"), usd("150.00"));
  }

  @Test
  void proVolumeFlatUsesTheTierOfTheVolumeAfterTheJob() {
    FeeSchedule schedule =
        schedule()
            .rule(
                FeeRule.builder("default", USD)
                    .method(FeeMethod.FLAT)
                    .basis(FeeBasis.PRO_VOLUME)
                    .tier(usd("1000.00"), pct("10"))
                    .lastTier(pct("5")))
            .build();
    FeeResolver resolver = FeeResolver.of(schedule);
    // 400 + 750 = 1,150 is in tier 2: 750 × 5% = 37.50.
    assertThat(
            resolver
                .quote(FeeQuery.of(usd("750.00"), FEB_2027).withPriorVolume(usd("400.00")))
                .platformFee())
        .isEqualTo(usd("37.50"));
    // 250 + 750 = 1,000 is exactly the bound, tier 1: 750 × 10% = 75.00.
    assertThat(
            resolver
                .quote(FeeQuery.of(usd("750.00"), FEB_2027).withPriorVolume(usd("250.00")))
                .platformFee())
        .isEqualTo(usd("75.00"));
  }

  @Test
  void cardProcessorFeeBorneByThePlatformLeavesThePayoutAlone() {
    FeeSchedule schedule =
        schedule()
            .processorFee(ProcessorFee.card(USD, FeePayer.PLATFORM))
            .rule(marginalDefault())
            .build();
    FeeQuote quote = quote(schedule, "750.00");
    // 750 × 2.9% = 21.75 + 0.30 = 22.05.
    assertThat(quote.processorFee()).isEqualTo(usd("22.05"));
    assertThat(quote.processorFeeBorneByPro()).isEqualTo(usd("0.00"));
    assertThat(quote.proPayout()).isEqualTo(usd("693.75"));
  }

  @Test
  void cardProcessorFeeBorneByTheProIsDeductedFromThePayout() {
    FeeSchedule schedule =
        schedule()
            .processorFee(ProcessorFee.card(USD, FeePayer.PRO))
            .rule(marginalDefault())
            .build();
    FeeQuote quote = quote(schedule, "750.00");
    // 750 − 56.25 − 22.05 = 671.70.
    assertThat(quote.processorFeeBorneByPro()).isEqualTo(usd("22.05"));
    assertThat(quote.proPayout()).isEqualTo(usd("671.70"));
  }

  @Test
  void athProcessorFeeIsAPercentOnly() {
    FeeSchedule schedule =
        schedule()
            .processorFee(ProcessorFee.ath(pct("1.5"), USD, FeePayer.PRO))
            .rule(marginalDefault())
            .build();
    // 750 × 1.5% = 11.25; payout 750 − 56.25 − 11.25 = 682.50.
    FeeQuote quote = quote(schedule, "750.00");
    assertThat(quote.processorFee()).isEqualTo(usd("11.25"));
    assertThat(quote.proPayout()).isEqualTo(usd("682.50"));
  }

  @Test
  void ivuOnThePlatformFeeIsRoundedOnTheInvoicedFeeAndBorneByThePro() {
    FeeSchedule schedule = schedule().taxOnFee(pct("11.5")).rule(marginalDefault()).build();
    FeeQuote quote = quote(schedule, "750.00");
    // 56.25 × 11.5% = 6.46875 → 6.47; payout 750 − 56.25 − 6.47 = 687.28.
    assertThat(quote.taxOnFee()).isEqualTo(usd("6.47"));
    assertThat(quote.proPayout()).isEqualTo(usd("687.28"));
  }

  @Test
  void lowersTheFeeSoFeePlusTaxFitInTheGross() {
    FeeSchedule schedule = schedule().taxOnFee(pct("11.5")).rule(marginalDefault()).build();
    // A 10.00 job with a 10.00 minimum: 10.00 + 1.15 tax > 10.00. The largest fee that fits is
    // 8.97 (8.97 × 11.5% = 1.03155 → 1.03; 8.97 + 1.03 = 10.00); 8.98 would need 1.03 → 10.01.
    FeeQuote quote = quote(schedule, "10.00");
    assertThat(quote.platformFee()).isEqualTo(usd("8.97"));
    assertThat(quote.taxOnFee()).isEqualTo(usd("1.03"));
    assertThat(quote.proPayout()).isEqualTo(usd("0.00"));
    assertThat(quote.explanation().limit()).isEqualTo(FeeExplanation.Limit.GROSS_WITH_TAX);
  }

  @Test
  void customerServiceFeeIsAddedOnTopAndChargedByTheProcessor() {
    FeeSchedule schedule =
        schedule()
            .processorFee(ProcessorFee.card(USD, FeePayer.PLATFORM))
            .rule(marginalDefault())
            .customerRule(FeeRule.builder("service", USD).lastTier(pct("3")).minimum(usd("2.00")))
            .build();
    FeeQuote quote = quote(schedule, "750.00");
    // 750 × 3% = 22.50; the customer pays 772.50; card fee 772.50 × 2.9% = 22.4025 + 0.30 → 22.70.
    assertThat(quote.customerServiceFee()).isEqualTo(usd("22.50"));
    assertThat(quote.customerTotal()).isEqualTo(usd("772.50"));
    assertThat(quote.customerRule()).isEqualTo("service");
    assertThat(quote.processorFee()).isEqualTo(usd("22.70"));
    assertThat(quote.proPayout()).isEqualTo(usd("693.75"));
    // 40.00 × 3% = 1.20 is raised to the 2.00 minimum.
    assertThat(quote(schedule, "40.00").customerServiceFee()).isEqualTo(usd("2.00"));
  }

  @Test
  void noCustomerRuleMeansNoServiceFee() {
    FeeQuote quote = quote(issueExample(), "750.00");
    assertThat(quote.customerServiceFee()).isEqualTo(usd("0.00"));
    assertThat(quote.customerRuleName()).isEmpty();
    assertThat(quote.customerExplanation()).isNull();
  }

  @Test
  void reportsTheEffectiveRate() {
    // 5,000 → 300.00 = 6%.
    assertThat(quote(issueExample(), "5000.00").effectiveRatePercent(2))
        .isEqualByComparingTo("6.00");
  }

  @Test
  void rejectsAQueryInAnotherCurrency() {
    FeeResolver resolver = FeeResolver.of(issueExample());
    Money euros = Money.of("10.00", Currency.getInstance("EUR"));
    assertThatThrownBy(() -> resolver.quote(FeeQuery.of(euros, FEB_2027)))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void rejectsANegativeAmount() {
    assertThatThrownBy(() -> FeeQuery.of(usd("-1.00"), FEB_2027)).hasMessageContaining("amount");
  }

  @Test
  void zeroAmountCostsNothing() {
    FeeSchedule schedule =
        schedule()
            .processorFee(ProcessorFee.card(USD, FeePayer.PRO))
            .rule(marginalDefault())
            .build();
    FeeQuote quote = quote(schedule, "0.00");
    assertThat(quote.platformFee()).isEqualTo(usd("0.00"));
    assertThat(quote.processorFee()).isEqualTo(usd("0.00"));
    assertThat(quote.proPayout()).isEqualTo(usd("0.00"));
  }

  @Test
  void aQuoteRebuiltFromStorageNeedsNoExplanationButMustConserveTheGross() {
    FeeQuote rebuilt =
        new FeeQuote(
            "oficio-default",
            1,
            "default",
            null,
            usd("750.00"),
            usd("56.25"),
            usd("0.00"),
            usd("22.05"),
            FeePayer.PLATFORM,
            usd("0.00"),
            usd("0.00"),
            usd("693.75"),
            usd("750.00"),
            null,
            null);
    assertThat(rebuilt.explanationLines()).last().asString().contains("pro payout 693.75");
    assertThatThrownBy(
            () ->
                new FeeQuote(
                    "oficio-default",
                    1,
                    "default",
                    null,
                    usd("750.00"),
                    usd("56.25"),
                    usd("0.00"),
                    usd("22.05"),
                    FeePayer.PLATFORM,
                    usd("0.00"),
                    usd("0.00"),
                    usd("693.76"),
                    usd("750.00"),
                    null,
                    null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("≠ gross");
  }
}
