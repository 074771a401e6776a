package dev.oficio.shared;

/** An amount left the range of a {@code long} number of minor units. Oficio never wraps. */
public final class MoneyOverflowException extends OficioException {
  private static final long serialVersionUID = 1L;

  /**
   * @param operation the arithmetic that overflowed
   */
  public MoneyOverflowException(String operation) {
    super("money arithmetic overflow in " + operation);
  }
}
