package dev.oficio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RateTest {

  @Test
  void parsesPercentagesAndBasisPoints() {
    assertThat(Rate.parse("7.5")).isEqualTo(Rate.ofBasisPoints(750));
    assertThat(Rate.parse("7.50%")).isEqualTo(Rate.parse("7.5"));
    assertThat(Rate.parse("2.9").asFraction()).isEqualByComparingTo(new BigDecimal("0.029"));
    assertThat(Rate.parse("12").basisPoints()).isEqualTo(1200);
    assertThat(Rate.parse("100")).isEqualTo(Rate.HUNDRED);
    assertThat(Rate.parse("0.0")).isEqualTo(Rate.ZERO);
    assertThat(Rate.parse("7.5")).hasToString("7.5%");
  }

  @Test
  void rejectsOutOfRangeAndGarbage() {
    assertThatThrownBy(() -> Rate.parse("-1"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> Rate.parse("100.01"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("exceed 100%");
    assertThatThrownBy(() -> Rate.parse("seven"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not a percentage");
    assertThatThrownBy(() -> Rate.parse(null)).isInstanceOf(ValidationException.class);
  }

  @Test
  void fractionalBasisPointsAreReportedNotTruncated() {
    assertThatThrownBy(() -> Rate.parse("0.005").basisPoints())
        .isInstanceOf(ValidationException.class);
  }
}
