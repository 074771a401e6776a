package dev.oficio.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Runs the host's {@link Validator} over command records before a service acts on them, turning
 * every constraint violation into one {@link ValidationException}. Without a validator ({@link
 * #none()}) commands still pass through their own invariant checks.
 *
 * <p>Thread-safe when the wrapped validator is (Hibernate Validator's is).
 */
public final class Validation {
  private final Validator validator;

  private Validation(Validator validator) {
    this.validator = validator;
  }

  /** Validates with {@code validator}, typically Hibernate Validator. */
  public static Validation with(Validator validator) {
    if (validator == null) {
      throw ValidationException.of("validator", "must not be null; use Validation.none()");
    }
    return new Validation(validator);
  }

  /** No bean validation: only the records' own checks apply. */
  public static Validation none() {
    return new Validation(null);
  }

  /**
   * Returns {@code command} if it is valid.
   *
   * @throws ValidationException listing every violation, sorted by field path
   */
  public <T> T check(T command) {
    if (command == null) {
      throw ValidationException.of("command", "must not be null");
    }
    if (validator == null) {
      return command;
    }
    Set<ConstraintViolation<T>> violations = validator.validate(command);
    if (violations.isEmpty()) {
      return command;
    }
    List<ValidationException.Violation> list =
        violations.stream()
            .map(
                v ->
                    new ValidationException.Violation(
                        v.getPropertyPath().toString(), v.getMessage()))
            .sorted(
                Comparator.comparing(ValidationException.Violation::field)
                    .thenComparing(ValidationException.Violation::message))
            .toList();
    throw new ValidationException(list);
  }
}
