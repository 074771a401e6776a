package dev.oficio.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.deposits.DepositPolicy;
import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class DepositPolicyJsonTest {
  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void readsEverySetting() {
    DepositPolicy policy =
        DepositPolicyJson.read(
            """
            { "currency": "USD",
              "freeCancellationAfterBookingMinutes": 10,
              "customerWindows": [ {"noticeBelowHours": 12, "fixed": "15.00", "percent": "10"} ],
              "proFreeAfterAcceptingHours": 2,
              "proWindows": [ {"noticeBelowHours": 6, "fixed": "25.00"} ],
              "reschedule": {"freeUntilHours": 12, "max": 1},
              "lateness": {"onTimeGraceMinutes": 5, "noShowAfterMinutes": 20},
              "customerNoShow": {"minContactAttempts": 3, "minWaitMinutes": 20, "proSharePercent": "70"},
              "proNoShow": {"customerCredit": "0.00", "strikeWindowDays": 30, "strikesToSuspend": 3},
              "bothAttended": {"outcome": "REFUND", "applyCreditWithinDays": 7},
              "reviewSlaBusinessHours": 4,
              "geofenceMeters": 250 }
            """);
    Money deposit = Money.of("50.00", USD);
    // 15.00 + 10% of 50.00
    assertThat(policy.customerCancellationFee(Duration.ofHours(11), Duration.ofDays(1), deposit))
        .isEqualTo(Money.of("20.00", USD));
    assertThat(policy.freeCancellationAfterBooking()).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.proCancellationPenalty(Duration.ofHours(5), Duration.ofHours(3), deposit))
        .isEqualTo(Money.of("25.00", USD));
    assertThat(policy.maxReschedules()).isEqualTo(1);
    assertThat(policy.rescheduleFreeUntil()).isEqualTo(Duration.ofHours(12));
    assertThat(policy.latenessThreshold()).isEqualTo(Duration.ofMinutes(20));
    assertThat(policy.onTimeGrace()).isEqualTo(Duration.ofMinutes(5));
    assertThat(policy.minContactAttempts()).isEqualTo(3);
    assertThat(policy.customerNoShowProShare()).isEqualTo(Rate.parse("70"));
    assertThat(policy.proNoShowCustomerCredit()).isEqualTo(Money.zero(USD));
    assertThat(policy.strikesToSuspend()).isEqualTo(3);
    assertThat(policy.bothAttended()).isEqualTo(DepositPolicy.BothAttended.REFUND);
    assertThat(policy.reviewSlaBusinessHours()).isEqualTo(4);
    assertThat(policy.geofenceMeters()).isEqualTo(250);
  }

  @Test
  void missingSettingsTakeTheDefaults() {
    DepositPolicy policy = DepositPolicyJson.read("{\"currency\": \"USD\"}");
    assertThat(policy.latenessThreshold()).isEqualTo(Duration.ofMinutes(30));
    assertThat(policy.customerWindows()).hasSize(2);
  }

  @Test
  void errorsNameTheJsonPath() {
    assertThatThrownBy(() -> DepositPolicyJson.read("{\"currency\": \"USD\", \"colour\": 1}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.colour")
        .hasMessageContaining("unknown field");
    assertThatThrownBy(() -> DepositPolicyJson.read("{}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.currency");
    assertThatThrownBy(
            () ->
                DepositPolicyJson.read(
                    "{\"currency\":\"USD\",\"customerWindows\":[{\"noticeBelowHours\":2,"
                        + "\"percent\":\"abc\"}]}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.customerWindows[0].percent");
    assertThatThrownBy(
            () ->
                DepositPolicyJson.read(
                    "{\"currency\":\"USD\",\"proNoShow\":{\"customerCredit\":\"1.005\","
                        + "\"strikeWindowDays\":28,\"strikesToSuspend\":2}}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.proNoShow.customerCredit");
    assertThatThrownBy(() -> DepositPolicyJson.read("{\"currency\": \"XYZ1\"}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> DepositPolicyJson.read("{not json"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("malformed JSON");
  }
}
