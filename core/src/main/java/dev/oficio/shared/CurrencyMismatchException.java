package dev.oficio.shared;

import java.util.Currency;

/** Two amounts in different currencies were combined. Oficio never converts currencies. */
public final class CurrencyMismatchException extends OficioException {
  private static final long serialVersionUID = 1L;

  /**
   * @param expected the currency of the left operand
   * @param actual the currency of the right operand
   */
  public CurrencyMismatchException(Currency expected, Currency actual) {
    super("currency mismatch: " + expected + " vs " + actual);
  }
}
