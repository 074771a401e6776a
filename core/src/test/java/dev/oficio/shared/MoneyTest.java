package dev.oficio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");

  @Test
  void parsesMajorUnitsExactly() {
    assertThat(Money.of("12.34", USD).minorUnits()).isEqualTo(1234);
    assertThat(Money.of("12.3", USD).minorUnits()).isEqualTo(1230);
    assertThat(Money.of("-0.05", USD).minorUnits()).isEqualTo(-5);
    assertThat(Money.of("500", JPY).minorUnits()).isEqualTo(500);
    assertThat(Money.of(new BigDecimal("1.50"), USD)).isEqualTo(Money.ofMinor(150, USD));
  }

  @Test
  void rejectsMoreDecimalsThanTheMinorUnitInsteadOfRounding() {
    assertThatThrownBy(() -> Money.of("12.345", USD))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("amount")
        .hasMessageContaining("more than 2 decimals");
    assertThatThrownBy(() -> Money.of("1.5", JPY)).isInstanceOf(ValidationException.class);
  }

  @Test
  void rejectsTextThatIsNotANumberAndNulls() {
    assertThatThrownBy(() -> Money.of("12,34", USD))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not a decimal number");
    assertThatThrownBy(() -> Money.of((String) null, USD)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Money.ofMinor(1, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("currency");
    assertThatThrownBy(() -> Money.zero(USD).plus(null)).isInstanceOf(ValidationException.class);
  }

  @Test
  void addsSubtractsNegatesAndMultipliesByWholeNumbers() {
    Money ten = Money.of("10.00", USD);
    assertThat(ten.plus(Money.of("0.01", USD))).isEqualTo(Money.ofMinor(1001, USD));
    assertThat(ten.minus(Money.of("10.01", USD))).isEqualTo(Money.ofMinor(-1, USD));
    assertThat(ten.negate()).isEqualTo(Money.ofMinor(-1000, USD));
    assertThat(ten.times(3)).isEqualTo(Money.of("30", USD));
    assertThat(ten.negate().abs()).isEqualTo(ten);
  }

  @Test
  void mixingCurrenciesIsACurrencyMismatch() {
    assertThatThrownBy(() -> Money.of("1", USD).plus(Money.of("1", EUR)))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("USD")
        .hasMessageContaining("EUR");
    assertThatThrownBy(() -> Money.of("1", USD).compareTo(Money.of("1", EUR)))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void overflowIsDetectedNotWrapped() {
    Money max = Money.ofMinor(Long.MAX_VALUE, USD);
    assertThatThrownBy(() -> max.plus(Money.ofMinor(1, USD)))
        .isInstanceOf(MoneyOverflowException.class);
    assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE, USD).negate())
        .isInstanceOf(MoneyOverflowException.class);
    assertThatThrownBy(() -> max.times(2)).isInstanceOf(MoneyOverflowException.class);
    assertThatThrownBy(() -> Money.of("99999999999999999999", USD))
        .isInstanceOf(MoneyOverflowException.class);
  }

  @Test
  void multipliesByARateRoundingOnceWithTheNamedMode() {
    Money amount = Money.of("10.10", USD);
    // 10.10 × 7.5% = 0.7575
    assertThat(amount.multiply(Rate.parse("7.5"), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("0.76", USD));
    assertThat(amount.multiply(Rate.parse("7.5"), RoundingMode.DOWN))
        .isEqualTo(Money.of("0.75", USD));
    // 0.125 → half-even rounds to 0.12, half-up to 0.13
    Money base = Money.of("2.50", USD);
    assertThat(base.multiply(Rate.parse("5"), RoundingMode.HALF_EVEN))
        .isEqualTo(Money.of("0.12", USD));
    assertThat(base.multiply(Rate.parse("5"), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("0.13", USD));
  }

  @Test
  void allocatesByRatiosWithoutLosingACent() {
    assertThat(Money.of("0.05", USD).allocate(3, 7))
        .containsExactly(Money.ofMinor(2, USD), Money.ofMinor(3, USD));
    assertThat(Money.of("100.00", USD).allocate(1, 1, 1))
        .containsExactly(
            Money.ofMinor(3334, USD), Money.ofMinor(3333, USD), Money.ofMinor(3333, USD));
    assertThat(Money.of("-100.00", USD).allocate(1, 1, 1))
        .containsExactly(
            Money.ofMinor(-3334, USD), Money.ofMinor(-3333, USD), Money.ofMinor(-3333, USD));
    assertThat(Money.of("10.00", USD).allocate(0, 1))
        .containsExactly(Money.zero(USD), Money.of("10", USD));
  }

  @Test
  void allocatesByRates() {
    assertThat(Money.of("1.00", USD).allocate(Rate.parse("85"), Rate.parse("15")))
        .containsExactly(Money.ofMinor(85, USD), Money.ofMinor(15, USD));
    assertThat(Money.of("0.01", USD).allocate(Rate.parse("50"), Rate.parse("50")))
        .containsExactly(Money.ofMinor(1, USD), Money.zero(USD));
  }

  @Test
  void rejectsBadAllocationRatios() {
    Money m = Money.of("1", USD);
    assertThatThrownBy(() -> m.allocate(new int[0])).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> m.allocate(1, -1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ratios[1]");
    assertThatThrownBy(() -> m.allocate(0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("positive sum");
  }

  @Test
  void comparesAndPrints() {
    Money a = Money.of("1.00", USD);
    Money b = Money.of("2.00", USD);
    assertThat(a.isLessThan(b)).isTrue();
    assertThat(b.isGreaterThan(a)).isTrue();
    assertThat(a.min(b)).isEqualTo(a);
    assertThat(a.max(b)).isEqualTo(b);
    assertThat(Money.zero(USD).isZero()).isTrue();
    assertThat(a.negate().isNegative()).isTrue();
    assertThat(a.isPositive()).isTrue();
    assertThat(Money.of("12.3", USD)).hasToString("USD 12.30");
    assertThat(Money.of("12.3", USD).toDecimal()).isEqualTo(new BigDecimal("12.30"));
  }
}
