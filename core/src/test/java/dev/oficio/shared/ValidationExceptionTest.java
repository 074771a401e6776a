package dev.oficio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

  @Test
  void requireNonNullNamesTheFieldInsteadOfThrowingANullPointerException() {
    assertThat(ValidationException.requireNonNull("clock", "set")).isEqualTo("set");
    assertThatThrownBy(() -> ValidationException.requireNonNull("clock", null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new ValidationException.Violation("clock", "must not be null")));
  }

  @Test
  void listsEveryViolationInItsMessage() {
    ValidationException e =
        new ValidationException(
            List.of(
                new ValidationException.Violation("rules[0].tiers[1].upTo", "must increase"),
                new ValidationException.Violation("currency", "must not be null")));
    assertThat(e).hasMessage("rules[0].tiers[1].upTo: must increase; currency: must not be null");
    assertThatThrownBy(() -> new ValidationException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
