package dev.oficio.fees;

import static dev.oficio.fees.Schedules.USD;
import static dev.oficio.fees.Schedules.issueExample;
import static dev.oficio.fees.Schedules.marginalDefault;
import static dev.oficio.fees.Schedules.pct;
import static dev.oficio.fees.Schedules.quote;
import static dev.oficio.fees.Schedules.schedule;
import static dev.oficio.fees.Schedules.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.ValidationException;
import org.junit.jupiter.api.Test;

class RefundQuoteTest {
  private final FeeResolver resolver = FeeResolver.of(issueExample());

  @Test
  void fullRefundReversesExactlyTheFees() {
    FeeQuote original = quote(issueExample(), "750.00");
    RefundQuote refund = resolver.refundQuote(original, usd("750.00"));
    assertThat(refund.platformFeeReversed()).isEqualTo(usd("56.25"));
    assertThat(refund.proPayoutReversed()).isEqualTo(usd("693.75"));
    assertThat(refund.customerRefund()).isEqualTo(usd("750.00"));
    assertThat(refund.rule()).isEqualTo("default");
  }

  @Test
  void halfRefundsReverseTheFeeInProportionAndAddUpToTheWholeFee() {
    FeeQuote original = quote(issueExample(), "750.00");
    // Half of 56.25 is 28.125: the first half reverses 28.12 (floor), the second the other 28.13.
    RefundQuote first = resolver.refundQuote(original, usd("375.00"));
    assertThat(first.platformFeeReversed()).isEqualTo(usd("28.12"));
    assertThat(first.proPayoutReversed()).isEqualTo(usd("346.88"));
    RefundQuote second = resolver.refundQuote(original, usd("375.00"), usd("375.00"));
    assertThat(second.platformFeeReversed()).isEqualTo(usd("28.13"));
    assertThat(second.proPayoutReversed()).isEqualTo(usd("346.87"));
  }

  @Test
  void reversesTaxProcessorAndServiceFeesInProportion() {
    FeeSchedule schedule =
        schedule()
            .taxOnFee(pct("11.5"))
            .processorFee(ProcessorFee.card(USD, FeePayer.PRO))
            .rule(marginalDefault())
            .customerRule(FeeRule.builder("service", USD).lastTier(pct("2")))
            .build();
    FeeQuote original = quote(schedule, "1000.00");
    // fee 75.00, tax 8.63 (8.625 → HALF_UP), service 20.00; processor on 1,020: 29.58 + 0.30 =
    // 29.88.
    assertThat(original.platformFee()).isEqualTo(usd("75.00"));
    assertThat(original.taxOnFee()).isEqualTo(usd("8.63"));
    assertThat(original.processorFee()).isEqualTo(usd("29.88"));
    RefundQuote refund = FeeResolver.of(schedule).refundQuote(original, usd("250.00"));
    // A quarter: 18.75, floor(2.1575) = 2.15, floor(7.47) = 7.47, service 5.00.
    assertThat(refund.platformFeeReversed()).isEqualTo(usd("18.75"));
    assertThat(refund.taxOnFeeReversed()).isEqualTo(usd("2.15"));
    assertThat(refund.processorFeeReversed()).isEqualTo(usd("7.47"));
    assertThat(refund.customerServiceFeeReversed()).isEqualTo(usd("5.00"));
    assertThat(refund.customerRefund()).isEqualTo(usd("255.00"));
    // 250 − 18.75 − 2.15 − 7.47 = 221.63
    assertThat(refund.proPayoutReversed()).isEqualTo(usd("221.63"));
  }

  @Test
  void rejectsRefundsBeyondTheGross() {
    FeeQuote original = quote(issueExample(), "750.00");
    assertThatThrownBy(() -> resolver.refundQuote(original, usd("750.01")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("refundAmount");
    assertThatThrownBy(() -> resolver.refundQuote(original, usd("400.00"), usd("400.00")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> resolver.refundQuote(original, usd("0.00")))
        .isInstanceOf(ValidationException.class);
  }
}
