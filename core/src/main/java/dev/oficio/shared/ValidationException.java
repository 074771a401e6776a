package dev.oficio.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input broke one or more rules. Lists every {@link Violation} found, each naming the field path
 * and the rule, so a caller can fix all of them at once.
 */
public final class ValidationException extends OficioException {
  private static final long serialVersionUID = 1L;

  /** One broken rule: the field path ({@code rules[2].tiers[0].upTo}) and a readable message. */
  public record Violation(String field, String message) {
    /** Both parts are required. */
    public Violation {
      if (field == null || message == null) {
        throw new IllegalArgumentException("a violation needs a field and a message");
      }
    }

    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final transient List<Violation> violations;

  /**
   * @param violations at least one violation; copied
   */
  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** A single violation of {@code field}. */
  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new Violation(field, message)));
  }

  /**
   * Returns {@code value}, or throws a {@code ValidationException} naming {@code field} when it is
   * null: the typed replacement for {@code Objects.requireNonNull} at Oficio's boundaries.
   */
  public static <T> T requireNonNull(String field, T value) {
    if (value == null) {
      throw of(field, "must not be null");
    }
    return value;
  }

  /** Every violation, in the order found; never empty. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    if (violations == null || violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one violation");
    }
    return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
