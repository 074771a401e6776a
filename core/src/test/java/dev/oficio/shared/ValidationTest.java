package dev.oficio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

class ValidationTest {
  record BookVisit(@NotBlank String proId, @Positive long depositCents) {}

  private final Validation validation =
      Validation.with(jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator());

  @Test
  void listsEveryViolationWithItsField() {
    assertThatThrownBy(() -> validation.check(new BookVisit("", 0)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(ValidationException.Violation::field)
                    .containsExactly("depositCents", "proId"));
  }

  @Test
  void returnsAValidCommand() {
    BookVisit ok = new BookVisit("p-17", 2500);
    assertThat(validation.check(ok)).isSameAs(ok);
    assertThat(Validation.none().check(new BookVisit("", 0))).isNotNull();
  }

  @Test
  void rejectsNullCommands() {
    assertThatThrownBy(() -> validation.check(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("command");
  }
}
