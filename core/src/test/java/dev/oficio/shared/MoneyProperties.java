package dev.oficio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyProperties {
  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void allocateAlwaysSumsToTheWholeAndStaysWithinACentOfTheExactShare() {
    qt().forAll(
            longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
            lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 12))
        .assuming((amount, ratios) -> ratios.stream().mapToLong(Integer::longValue).sum() > 0)
        .checkAssert(
            (amount, ratios) -> {
              int[] r = ratios.stream().mapToInt(Integer::intValue).toArray();
              List<Money> parts = Money.ofMinor(amount, USD).allocate(r);
              assertThat(parts).hasSize(r.length);
              assertThat(parts.stream().mapToLong(Money::minorUnits).sum()).isEqualTo(amount);
              long sum = ratios.stream().mapToLong(Integer::longValue).sum();
              for (int i = 0; i < r.length; i++) {
                BigDecimal exact =
                    BigDecimal.valueOf(amount)
                        .multiply(BigDecimal.valueOf(r[i]))
                        .divide(BigDecimal.valueOf(sum), MathContext.DECIMAL128);
                BigDecimal error = exact.subtract(BigDecimal.valueOf(parts.get(i).minorUnits()));
                assertThat(error.abs()).isLessThan(BigDecimal.ONE);
              }
            });
  }

  @Test
  void additionIsExactOrDetectsOverflow() {
    qt().forAll(longs().all(), longs().all())
        .checkAssert(
            (a, b) -> {
              BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
              if (exact.bitLength() < 64) {
                assertThat(Money.ofMinor(a, USD).plus(Money.ofMinor(b, USD)).minorUnits())
                    .isEqualTo(exact.longValueExact());
              } else {
                assertThatThrownBy(() -> Money.ofMinor(a, USD).plus(Money.ofMinor(b, USD)))
                    .isInstanceOf(MoneyOverflowException.class);
              }
            });
  }

  @Test
  void multiplicationIsExactOrDetectsOverflow() {
    qt().forAll(longs().all(), longs().between(-1_000_000, 1_000_000))
        .checkAssert(
            (a, factor) -> {
              BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(factor));
              if (exact.bitLength() < 64) {
                assertThat(Money.ofMinor(a, USD).times(factor).minorUnits())
                    .isEqualTo(exact.longValueExact());
              } else {
                assertThatThrownBy(() -> Money.ofMinor(a, USD).times(factor))
                    .isInstanceOf(MoneyOverflowException.class);
              }
            });
  }

  @Test
  void parsingThePrintedAmountGivesTheSameMoney() {
    qt().forAll(longs().all())
        .checkAssert(
            minor -> {
              Money money = Money.ofMinor(minor, USD);
              assertThat(Money.of(money.toDecimal().toPlainString(), USD)).isEqualTo(money);
            });
  }
}
