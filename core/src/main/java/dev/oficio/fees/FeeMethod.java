package dev.oficio.fees;

/** How a {@link FeeRule}'s tiers turn its basis into a fee. */
public enum FeeMethod {
  /**
   * Each slice of the basis is charged at its own tier's rate, like tax brackets: the fee is
   * continuous in the amount.
   */
  MARGINAL,
  /**
   * The whole amount is charged at the rate of the one tier the basis falls in. Tier bounds are
   * inclusive upper bounds: an amount equal to {@code upTo} belongs to that tier.
   */
  FLAT
}
