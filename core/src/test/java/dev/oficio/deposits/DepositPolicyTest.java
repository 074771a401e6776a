package dev.oficio.deposits;

import static dev.oficio.deposits.AppointmentFixture.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepositPolicyTest {
  private final DepositPolicy policy = DepositPolicy.builder(USD).build();
  private final Money deposit = Money.of("50.00", USD);
  private final Duration longAgo = Duration.ofDays(10);

  private Money customerFee(Duration notice) {
    return policy.customerCancellationFee(notice, longAgo, deposit);
  }

  @Test
  void customerWindowsAtTheTwentyFourHourBoundary() {
    // Exactly 24 h of notice is outside the 50% window; one minute less is inside.
    assertThat(customerFee(Duration.ofHours(24))).isEqualTo(Money.zero(USD));
    assertThat(customerFee(Duration.ofHours(24).plusMinutes(1))).isEqualTo(Money.zero(USD));
    assertThat(customerFee(Duration.ofHours(24).minusMinutes(1))).isEqualTo(Money.of("25.00", USD));
  }

  @Test
  void customerWindowsAtTheTwoHourBoundary() {
    assertThat(customerFee(Duration.ofHours(2))).isEqualTo(Money.of("25.00", USD));
    assertThat(customerFee(Duration.ofHours(2).plusMinutes(1))).isEqualTo(Money.of("25.00", USD));
    assertThat(customerFee(Duration.ofHours(2).minusMinutes(1))).isEqualTo(Money.of("50.00", USD));
    assertThat(customerFee(Duration.ZERO)).isEqualTo(Money.of("50.00", USD));
  }

  @Test
  void cancellingRightAfterBookingIsFree() {
    assertThat(
            policy.customerCancellationFee(Duration.ofMinutes(30), Duration.ofMinutes(5), deposit))
        .isEqualTo(Money.zero(USD));
    assertThat(
            policy.customerCancellationFee(Duration.ofMinutes(30), Duration.ofMinutes(6), deposit))
        .isEqualTo(Money.of("50.00", USD));
  }

  @Test
  void proPenaltyRisesAsTheStartNears() {
    Duration sinceAccepting = Duration.ofDays(1);
    assertThat(policy.proCancellationPenalty(Duration.ofHours(73), sinceAccepting, deposit))
        .isEqualTo(Money.zero(USD));
    assertThat(policy.proCancellationPenalty(Duration.ofHours(72), sinceAccepting, deposit))
        .isEqualTo(Money.zero(USD));
    assertThat(
            policy.proCancellationPenalty(
                Duration.ofHours(72).minusMinutes(1), sinceAccepting, deposit))
        .isEqualTo(Money.of("10.00", USD));
    assertThat(
            policy.proCancellationPenalty(
                Duration.ofHours(24).minusMinutes(1), sinceAccepting, deposit))
        .isEqualTo(Money.of("20.00", USD));
    assertThat(policy.proCancellationPenalty(Duration.ofMinutes(90), sinceAccepting, deposit))
        .isEqualTo(Money.of("40.00", USD));
  }

  @Test
  void proCancelsFreeWithinFourHoursOfAccepting() {
    assertThat(policy.proCancellationPenalty(Duration.ofHours(1), Duration.ofHours(4), deposit))
        .isEqualTo(Money.zero(USD));
    assertThat(
            policy.proCancellationPenalty(
                Duration.ofHours(1), Duration.ofHours(4).plusMinutes(1), deposit))
        .isEqualTo(Money.of("40.00", USD));
  }

  @Test
  void aFeeNeverExceedsTheDeposit() {
    DepositPolicy steep =
        DepositPolicy.builder(USD)
            .customerWindows(
                List.of(
                    new CancellationWindow(
                        Duration.ofHours(24), CancellationCharge.fixed(Money.of("80.00", USD)))))
            .build();
    assertThat(steep.customerCancellationFee(Duration.ofHours(1), longAgo, deposit))
        .isEqualTo(deposit);
  }

  @Test
  void rejectsInconsistentSettings() {
    assertThatThrownBy(
            () ->
                DepositPolicy.builder(USD).lateness(Duration.ofMinutes(40), Duration.ofMinutes(30)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("onTimeGrace");
    assertThatThrownBy(
            () ->
                DepositPolicy.builder(USD)
                    .customerWindows(
                        List.of(
                            new CancellationWindow(
                                Duration.ofHours(2), CancellationCharge.fixed(deposit)),
                            new CancellationWindow(
                                Duration.ofHours(2), CancellationCharge.fixed(deposit)))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("customerWindows");
    assertThatThrownBy(
            () ->
                DepositPolicy.builder(USD)
                    .proNoShowCustomerCredit(Money.of("5", java.util.Currency.getInstance("EUR"))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> new CancellationWindow(Duration.ZERO, CancellationCharge.fixed(deposit)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("noticeBelow");
  }
}
