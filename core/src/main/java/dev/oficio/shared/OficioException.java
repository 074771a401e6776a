package dev.oficio.shared;

/**
 * Root of every exception Oficio throws. Exceptions signal misuse (bad input, an illegal state
 * transition) or infrastructure trouble (a provider outage, a concurrent write); business outcomes
 * such as a declined card are returned as values, never thrown.
 *
 * <p>Unchecked, immutable, safe to share between threads. Messages never carry secrets.
 */
public class OficioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, for a developer; never null
   */
  public OficioException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, for a developer; never null
   * @param cause the underlying failure, may be null
   */
  public OficioException(String message, Throwable cause) {
    super(message, cause);
  }
}
