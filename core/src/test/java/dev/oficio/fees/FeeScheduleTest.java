package dev.oficio.fees;

import static dev.oficio.fees.Schedules.USD;
import static dev.oficio.fees.Schedules.marginalDefault;
import static dev.oficio.fees.Schedules.pct;
import static dev.oficio.fees.Schedules.proPlan;
import static dev.oficio.fees.Schedules.schedule;
import static dev.oficio.fees.Schedules.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import dev.oficio.shared.ValidationException.Violation;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

  private static ValidationException rejection(FeeSchedule.Builder builder) {
    return catchThrowableOfType(ValidationException.class, builder::build);
  }

  @Test
  void rejectsTiersThatAreNotStrictlyIncreasingNamingRuleAndField() {
    ValidationException e =
        rejection(
            schedule()
                .rule(marginalDefault())
                .rule(proPlan().method(FeeMethod.MARGINAL).tier(usd("500.00"), pct("5"))));
    // proPlan already has an open tier first, then the builder adds a bounded one.
    assertThat(e.violations())
        .extracting(Violation::field)
        .contains("rules[pro-plan].tiers[0].upTo");

    ValidationException equal =
        rejection(
            schedule()
                .rule(
                    FeeRule.builder("default", USD)
                        .tier(usd("100.00"), pct("5"))
                        .tier(usd("100.00"), pct("4"))
                        .lastTier(pct("3"))));
    assertThat(equal.violations())
        .extracting(Violation::field)
        .containsExactly("rules[default].tiers[1].upTo");
  }

  @Test
  void rejectsAScheduleWithoutADefaultRule() {
    ValidationException e = rejection(schedule().rule(proPlan()));
    assertThat(e.violations()).extracting(Violation::field).containsExactly("rules");
    assertThat(e.getMessage()).contains("default rule");
  }

  @Test
  void rejectsTwoRulesWithTheSameMatch() {
    ValidationException e =
        rejection(
            schedule()
                .rule(marginalDefault())
                .rule(proPlan())
                .rule(
                    FeeRule.builder("pro-plan-2", USD)
                        .match(FeeMatch.plan("PRO"))
                        .lastTier(pct("4"))));
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactly("rules[pro-plan-2].match");
    assertThat(e.getMessage()).contains("same specificity (2)").contains("rules[pro-plan]");
  }

  @Test
  void allowsRulesOfEqualSpecificityThatNeverMatchTheSameJob() {
    FeeSchedule schedule =
        schedule()
            .rule(marginalDefault())
            .rule(proPlan())
            .rule(FeeRule.builder("basic", USD).match(FeeMatch.plan("BASIC")).lastTier(pct("9")))
            .build();
    assertThat(schedule.rules()).hasSize(3);
  }

  @Test
  void rejectsNegativeAmountsAndAMinimumAboveTheMaximum() {
    ValidationException e =
        rejection(
            schedule()
                .rule(
                    FeeRule.builder("default", USD)
                        .lastTier(pct("5"))
                        .fixed(usd("-0.01"))
                        .minimum(usd("20.00"))
                        .maximum(usd("10.00"))));
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("rules[default].fixed", "rules[default].minimum");
  }

  @Test
  void rejectsAmountsInAnotherCurrency() {
    Currency eur = Currency.getInstance("EUR");
    ValidationException e =
        rejection(
            schedule()
                .rule(marginalDefault().maximum(Money.of("100.00", eur)))
                .rule(FeeRule.builder("euro", eur).match(FeeMatch.plan("EU")).lastTier(pct("5"))));
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("rules[default].maximum", "rules[euro].currency");
  }

  @Test
  void rejectsABoundedLastTierAndAnOpenTierBeforeTheLast() {
    ValidationException e =
        rejection(
            schedule()
                .rule(
                    FeeRule.builder("default", USD)
                        .lastTier(pct("5"))
                        .tier(usd("100.00"), pct("4"))));
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("rules[default].tiers[0].upTo", "rules[default].tiers[1].upTo");
  }

  @Test
  void rejectsARuleWithoutTiersAndDuplicateNames() {
    ValidationException e =
        rejection(
            schedule()
                .rule(marginalDefault())
                .rule(FeeRule.builder("default", USD).match(FeeMatch.plan("X")).lastTier(pct("1")))
                .customerRule(FeeRule.builder("service", USD)));
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("rules[default].name", "customerRules[service].tiers");
  }

  @Test
  void rejectsUnnecessaryRoundingAndBadVersions() {
    ValidationException e =
        rejection(
            FeeSchedule.builder(" ", 0, USD, null)
                .rounding(RoundingMode.UNNECESSARY)
                .rule(marginalDefault()));
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("id", "version", "effectiveFrom", "rounding");
  }

  @Test
  void toBuilderRebuildsAnEqualSchedule() {
    FeeSchedule schedule =
        schedule()
            .taxOnFee(pct("11.5"))
            .processorFee(ProcessorFee.card(USD, FeePayer.PRO))
            .rule(marginalDefault())
            .rule(proPlan())
            .customerRule(FeeRule.builder("service", USD).lastTier(pct("2")))
            .build();
    assertThat(schedule.toBuilder().build()).isEqualTo(schedule);
  }
}
