package dev.oficio.fees;

import static dev.oficio.fees.Schedules.USD;
import static dev.oficio.fees.Schedules.marginalDefault;
import static dev.oficio.fees.Schedules.pct;
import static dev.oficio.fees.Schedules.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.JobId;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeeSchedulesTest {
  private static final Instant JAN = Instant.parse("2027-01-01T04:00:00Z");
  private static final Instant JUN = Instant.parse("2027-06-01T04:00:00Z");

  private static FeeSchedule version(int version, Instant from, String percent) {
    return FeeSchedule.builder("oficio-default", version, USD, from)
        .rule(FeeRule.builder("default", USD).lastTier(pct(percent)))
        .build();
  }

  @Test
  void returnsTheVersionInEffectAtAnInstant() {
    FeeSchedules schedules = FeeSchedules.of(version(1, JAN, "10")).publish(version(2, JUN, "8"));
    assertThat(schedules.effectiveAt(JAN).version()).isEqualTo(1);
    assertThat(schedules.effectiveAt(JUN.minusSeconds(1)).version()).isEqualTo(1);
    assertThat(schedules.effectiveAt(JUN).version()).isEqualTo(2);
    assertThatThrownBy(() -> schedules.effectiveAt(JAN.minusSeconds(1)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void quotesWithTheVersionEffectiveAtTheQueryAndFrozenQuotesKeepTheirVersion() {
    FeeSchedules before = FeeSchedules.of(version(1, JAN, "10"));
    FeeQuote frozen = FeeResolver.of(before).quote(FeeQuery.of(usd("100.00"), JUN.plusSeconds(60)));
    FeeSchedules after = before.publish(version(2, JUN, "8"));
    FeeResolver resolver = FeeResolver.of(after);
    FeeQuote now = resolver.quote(FeeQuery.of(usd("100.00"), JUN.plusSeconds(60)));
    assertThat(frozen.scheduleVersion()).isEqualTo(1);
    assertThat(frozen.platformFee()).isEqualTo(usd("10.00"));
    assertThat(now.scheduleVersion()).isEqualTo(2);
    assertThat(now.platformFee()).isEqualTo(usd("8.00"));
    assertThat(resolver.quote(FeeQuery.of(usd("100.00"), JAN)).scheduleVersion()).isEqualTo(1);
    assertThat(after.version(1)).isPresent();
    assertThat(before.versions()).hasSize(1);
  }

  @Test
  void rejectsVersionsOutOfOrderReusedOrOfAnotherSchedule() {
    FeeSchedules schedules = FeeSchedules.of(version(1, JUN, "10"));
    assertThatThrownBy(() -> schedules.publish(version(2, JAN, "8")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("effectiveFrom");
    assertThatThrownBy(() -> schedules.publish(version(1, JUN.plusSeconds(1), "8")))
        .hasMessageContaining("already published");
    FeeSchedule other =
        FeeSchedule.builder("other", 2, USD, JUN.plusSeconds(5)).rule(marginalDefault()).build();
    assertThatThrownBy(() -> schedules.publish(other)).hasMessageContaining("not a version");
  }

  @Test
  void feeEventsBelongToTheirJob() {
    FeeQuote quote = Schedules.quote(Schedules.issueExample(), "750.00");
    FeeEvent assessed = new FeeAssessed(JobId.of("j-1"), quote, JAN);
    FeeEvent reversed =
        new FeeReversed(
            JobId.of("j-1"),
            FeeResolver.of(Schedules.issueExample()).refundQuote(quote, usd("750.00")),
            JAN);
    assertThat(assessed.aggregateType()).isEqualTo("Job");
    assertThat(assessed.aggregateId()).isEqualTo("j-1");
    assertThat(assessed.type()).isEqualTo("FeeAssessed");
    assertThat(reversed.type()).isEqualTo("FeeReversed");
    String kind =
        reversed instanceof FeeReversed r
            ? "reversed " + r.refund().platformFeeReversed()
            : "assessed";
    assertThat(kind).isEqualTo("reversed USD 56.25");
  }
}
