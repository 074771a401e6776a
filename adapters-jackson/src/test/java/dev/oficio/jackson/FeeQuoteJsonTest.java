package dev.oficio.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oficio.fees.FeeQuery;
import dev.oficio.fees.FeeQuote;
import dev.oficio.fees.FeeResolver;
import dev.oficio.shared.Money;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FeeQuoteJsonTest {

  @Test
  void writesAmountsAsDecimalStringsWithTheExplanation() {
    FeeResolver resolver = FeeResolver.of(FeeScheduleJson.read(FeeScheduleJsonTest.ISSUE_EXAMPLE));
    FeeQuote quote =
        resolver.quote(
            FeeQuery.of(
                Money.of("5000.00", Currency.getInstance("USD")),
                Instant.parse("2027-02-01T14:00:00Z")));
    JsonNode json = FeeScheduleJson.MAPPER.readTree(FeeQuoteJson.write(quote));
    // 2,500 × 7.5% + 2,500 × 4.5% = 187.50 + 112.50 = 300.00; card 5,000 × 2.9% + 0.30 = 145.30.
    assertThat(json.get("gross").stringValue()).isEqualTo("5000.00");
    assertThat(json.get("platformFee").stringValue()).isEqualTo("300.00");
    assertThat(json.get("processorFee").stringValue()).isEqualTo("145.30");
    assertThat(json.get("taxOnFee").stringValue()).isEqualTo("0.00");
    assertThat(json.get("customerServiceFee").stringValue()).isEqualTo("0.00");
    assertThat(json.get("proPayout").stringValue()).isEqualTo("4700.00");
    assertThat(json.get("customerTotal").stringValue()).isEqualTo("5000.00");
    assertThat(json.get("rule").stringValue()).isEqualTo("default");
    assertThat(json.get("scheduleVersion").stringValue()).isEqualTo("1");
    JsonNode slices = json.get("explanation").get("platformFee").get("slices");
    assertThat(slices.size()).isEqualTo(2);
    assertThat(slices.get(1).get("base").stringValue()).isEqualTo("2500.00");
    assertThat(slices.get(1).get("percent").stringValue()).isEqualTo("4.5");
    assertThat(json.get("explanation").get("lines").size()).isPositive();
  }
}
