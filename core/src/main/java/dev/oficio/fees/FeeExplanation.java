package dev.oficio.fees;

import dev.oficio.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How one fee of a {@link FeeQuote} was computed, for an admin to show: the rule, each tier slice
 * with its base and rate, the fixed part, the limit that applied, the exact amount and the single
 * rounding. Immutable.
 *
 * @param rule the winning rule's name
 * @param method the rule's method
 * @param basis the rule's basis
 * @param priorVolume the pro's prior volume the tiers started from (zero for {@code JOB_AMOUNT})
 * @param slices each tier slice that contributed, in tier order
 * @param fixed the rule's fixed amount
 * @param beforeLimits tiered part + fixed, exact, in major units
 * @param limit which limit changed the amount, if any
 * @param exact the amount after the limit, exact, in major units
 * @param rounded the amount after the one rounding
 */
public record FeeExplanation(
    String rule,
    FeeMethod method,
    FeeBasis basis,
    Money priorVolume,
    List<FeeSlice> slices,
    Money fixed,
    BigDecimal beforeLimits,
    Limit limit,
    BigDecimal exact,
    Money rounded) {

  /** A limit applied after the tiers and fixed part. */
  public enum Limit {
    /** No limit applied. */
    NONE,
    /** Raised to the rule's minimum. */
    MINIMUM,
    /** Lowered to the rule's maximum. */
    MAXIMUM,
    /** Capped at the job's gross amount. */
    GROSS,
    /** Lowered so that the fee plus the tax on it fits in the gross amount. */
    GROSS_WITH_TAX
  }

  /** Copies the slices. */
  public FeeExplanation {
    slices = List.copyOf(slices);
  }

  /** The explanation as readable lines, one per slice and step. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "rule "
            + rule
            + ": "
            + method
            + " on "
            + basis
            + (basis == FeeBasis.PRO_VOLUME
                ? " (prior volume " + priorVolume.toDecimal().toPlainString() + ")"
                : ""));
    slices.forEach(slice -> lines.add("  " + slice));
    if (!fixed.isZero()) {
      lines.add("  + fixed " + fixed.toDecimal().toPlainString());
    }
    lines.add("  = " + beforeLimits.toPlainString());
    switch (limit) {
      case MINIMUM -> lines.add("  raised to the minimum " + exact.toPlainString());
      case MAXIMUM -> lines.add("  lowered to the maximum " + exact.toPlainString());
      case GROSS -> lines.add("  capped at the gross amount " + exact.toPlainString());
      case GROSS_WITH_TAX ->
          lines.add("  lowered so fee + tax fit in the gross amount " + exact.toPlainString());
      case NONE -> {
        // nothing changed the amount
      }
    }
    lines.add("  rounded once: " + rounded.toDecimal().toPlainString());
    return lines;
  }
}
