package dev.oficio.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oficio.fees.FeeBasis;
import dev.oficio.fees.FeeMatch;
import dev.oficio.fees.FeeMethod;
import dev.oficio.fees.FeePayer;
import dev.oficio.fees.FeeRule;
import dev.oficio.fees.FeeSchedule;
import dev.oficio.fees.FeeTier;
import dev.oficio.fees.ProcessorFee;
import dev.oficio.shared.Money;
import dev.oficio.shared.ProId;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import dev.oficio.shared.ValidationException.Violation;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class FeeScheduleJsonTest {
  private static final Currency USD = Currency.getInstance("USD");

  /** The issue's example, verbatim. */
  static final String ISSUE_EXAMPLE =
      """
      { "id": "oficio-default", "version": 1, "currency": "USD",
        "effectiveFrom": "2027-01-01T00:00:00-04:00", "rounding": "HALF_UP",
        "processorFee": { "model": "CARD", "percent": "2.9", "fixed": "0.30", "payer": "PLATFORM" },
        "rules": [
          { "name": "default", "match": {}, "method": "MARGINAL", "basis": "JOB_AMOUNT",
            "tiers": [ {"upTo": "2500.00", "percent": "7.5"}, {"upTo": "10000.00", "percent": "4.5"},
                       {"percent": "1.5"} ],
            "fixed": "0.00", "minimum": "10.00", "maximum": null },
          { "name": "pro-plan", "match": {"plan": "PRO"}, "method": "FLAT",
            "tiers": [ {"percent": "5"} ], "minimum": "5.00" } ],
        "customerRules": [] }
      """;

  private static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  private static ValidationException rejection(String json) {
    return catchThrowableOfType(ValidationException.class, () -> FeeScheduleJson.read(json));
  }

  private static String example(String from, String to) {
    assertThat(ISSUE_EXAMPLE).contains(from);
    return ISSUE_EXAMPLE.replace(from, to);
  }

  @Test
  void readsTheIssueExample() {
    FeeSchedule schedule = FeeScheduleJson.read(ISSUE_EXAMPLE);
    FeeSchedule expected =
        FeeSchedule.builder("oficio-default", 1, USD, Instant.parse("2027-01-01T04:00:00Z"))
            .rounding(RoundingMode.HALF_UP)
            .processorFee(ProcessorFee.card(Rate.parse("2.9"), usd("0.30"), FeePayer.PLATFORM))
            .rule(
                FeeRule.builder("default", USD)
                    .method(FeeMethod.MARGINAL)
                    .basis(FeeBasis.JOB_AMOUNT)
                    .tier(FeeTier.upTo(usd("2500.00"), Rate.parse("7.5")))
                    .tier(FeeTier.upTo(usd("10000.00"), Rate.parse("4.5")))
                    .lastTier(Rate.parse("1.5"))
                    .minimum(usd("10.00")))
            .rule(
                FeeRule.builder("pro-plan", USD)
                    .match(FeeMatch.plan("PRO"))
                    .method(FeeMethod.FLAT)
                    .lastTier(Rate.parse("5"))
                    .minimum(usd("5.00")))
            .build();
    assertThat(schedule).isEqualTo(expected);
  }

  @Test
  void writeThenReadGivesTheSameScheduleAndWriteIsCanonical() {
    FeeSchedule schedule =
        FeeScheduleJson.read(ISSUE_EXAMPLE).toBuilder()
            .taxOnFee(Rate.parse("11.5"))
            .rule(
                FeeRule.builder("contract", USD)
                    .match(FeeMatch.pro(ProId.of("p-17")).withCategory("electrical"))
                    .basis(FeeBasis.PRO_VOLUME)
                    .lastTier(Rate.parse("3.25"))
                    .fixed(usd("1.50"))
                    .maximum(usd("200.00")))
            .customerRule(FeeRule.builder("service", USD).lastTier(Rate.parse("2")))
            .build();
    String json = FeeScheduleJson.write(schedule);
    assertThat(FeeScheduleJson.read(json)).isEqualTo(schedule);
    assertThat(FeeScheduleJson.write(FeeScheduleJson.read(json))).isEqualTo(json);
    assertThat(json)
        .contains("\"effectiveFrom\": \"2027-01-01T00:00:00-04:00\"")
        .contains("\"percent\": \"11.5\"")
        .contains("\"proId\": \"p-17\"")
        .contains("\"maximum\": null");
  }

  @Test
  void namesTheJsonPathOfAnUnknownField() {
    ValidationException e =
        rejection(example("\"percent\": \"7.5\"", "\"percent\": \"7.5\", \"rate\": \"1\""));
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactly("rules[0].tiers[0].rate");
  }

  @Test
  void namesTheJsonPathOfMissingRequiredFields() {
    ValidationException e =
        rejection(
            example(
                "\"name\": \"pro-plan\", \"match\": {\"plan\": \"PRO\"}, \"method\": \"FLAT\",",
                ""));
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("rules[1].name", "rules[1].match", "rules[1].method");
    ValidationException noId = rejection(example("\"id\": \"oficio-default\",", ""));
    assertThat(noId.violations()).extracting(Violation::field).containsExactly("id");
  }

  @Test
  void namesTheJsonPathOfMalformedNumbers() {
    ValidationException e =
        rejection(
            example("\"upTo\": \"10000.00\"", "\"upTo\": \"10,000\"")
                .replace("\"minimum\": \"5.00\"", "\"minimum\": 5")
                .replace("\"fixed\": \"0.00\"", "\"fixed\": \"0.001\"")
                .replace("\"percent\": \"1.5\"", "\"percent\": \"-1.5\""));
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "rules[0].tiers[1].upTo",
            "rules[0].tiers[2].percent",
            "rules[0].fixed",
            "rules[1].minimum");
    assertThat(e.getMessage()).contains("not a JSON number").contains("'10,000'");
  }

  @Test
  void reportsScheduleRulesWithTheJsonPathAndTheRuleName() {
    ValidationException e =
        rejection(
            example(
                "{\"percent\": \"5\"} ], \"minimum\": \"5.00\"",
                "{\"percent\": \"5\"} ], \"minimum\": \"5.00\", \"maximum\": \"1.00\""));
    assertThat(e.violations()).extracting(Violation::field).containsExactly("rules[1].minimum");
    assertThat(e.getMessage()).contains("rule 'pro-plan'");
    ValidationException notIncreasing =
        rejection(example("\"upTo\": \"10000.00\"", "\"upTo\": \"2500.00\""));
    assertThat(notIncreasing.violations())
        .extracting(Violation::field)
        .containsExactly("rules[0].tiers[1].upTo");
  }

  @Test
  void rejectsBadEnumsDatesAndCurrencies() {
    ValidationException e =
        rejection(
            example("\"HALF_UP\"", "\"HALFUP\"")
                .replace("\"2027-01-01T00:00:00-04:00\"", "\"2027-01-01\"")
                .replace("\"FLAT\"", "\"flat\""));
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("rounding", "effectiveFrom", "rules[1].method");
    ValidationException currency = rejection(example("\"USD\"", "\"XYZ\""));
    assertThat(currency.violations()).extracting(Violation::field).containsExactly("currency");
  }

  @Test
  void rejectsMalformedJsonWithoutLeakingJacksonExceptions() {
    ValidationException e = rejection("{ \"id\": ");
    assertThat(e.violations()).extracting(Violation::field).containsExactly("json");
    assertThat(rejection("[]").violations()).extracting(Violation::field).containsExactly("$");
    assertThat(rejection(ISSUE_EXAMPLE + " {}").violations())
        .extracting(Violation::field)
        .containsExactly("json");
    assertThat(rejection("{\"id\": \"a\", \"id\": \"b\"}").getMessage()).contains("id");
  }

  @Test
  void defaultsOmittedOptionalFields() {
    FeeSchedule schedule =
        FeeScheduleJson.read(
            """
            { "id": "s", "version": 2, "currency": "USD",
              "effectiveFrom": "2027-03-01T00:00:00Z",
              "rules": [ { "name": "default", "match": {}, "method": "FLAT",
                           "tiers": [ {"percent": "10"} ] } ] }
            """);
    assertThat(schedule.rounding()).isEqualTo(RoundingMode.HALF_UP);
    assertThat(schedule.processorFee().model()).isEqualTo(ProcessorFee.Model.NONE);
    assertThat(schedule.taxOnFee().isZero()).isTrue();
    assertThat(schedule.customerRules()).isEmpty();
    assertThat(schedule.rules().get(0).fixed()).isEqualTo(usd("0.00"));
    assertThat(schedule.rules().get(0).basis()).isEqualTo(FeeBasis.JOB_AMOUNT);
  }

  @Test
  void cardModelDefaultsToStripesStandardPrice() {
    FeeSchedule schedule =
        FeeScheduleJson.read(
            example(
                "\"processorFee\": { \"model\": \"CARD\", \"percent\": \"2.9\", \"fixed\": \"0.30\", \"payer\": \"PLATFORM\" }",
                "\"processorFee\": { \"model\": \"CARD\", \"payer\": \"PRO\" }"));
    assertThat(schedule.processorFee())
        .isEqualTo(ProcessorFee.card(Rate.parse("2.9"), usd("0.30"), FeePayer.PRO));
  }
}
