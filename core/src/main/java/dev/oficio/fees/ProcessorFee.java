package dev.oficio.fees;

import dev.oficio.shared.Money;
import dev.oficio.shared.Rate;
import dev.oficio.shared.ValidationException;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The payment processor's fee on the amount the customer is charged, and who bears it. Immutable.
 *
 * @param model card, ATH Móvil or none
 * @param percent the percentage of the charged amount
 * @param fixed the fixed amount per successful charge (zero for ATH Móvil and none)
 * @param payer who bears the fee
 */
public record ProcessorFee(Model model, Rate percent, Money fixed, FeePayer payer) {

  /** Which kind of processor charges the customer. */
  public enum Model {
    /** A card processor: a percentage plus a fixed amount per charge (Stripe: 2.9% + 0.30). */
    CARD,
    /** ATH Móvil: a configurable percentage, no fixed part. */
    ATH,
    /** No processor fee is modelled. */
    NONE
  }

  /** The card default: Stripe's standard US card price, 2.9%. */
  public static final Rate CARD_DEFAULT_PERCENT = Rate.parse("2.9");

  /** The card default fixed part: 30 minor units (0.30). */
  public static final long CARD_DEFAULT_FIXED_MINOR = 30;

  /** Checks the parts. */
  public ProcessorFee {
    if (model == null) {
      throw ValidationException.of("processorFee.model", "must not be null");
    }
    if (percent == null) {
      throw ValidationException.of("processorFee.percent", "must not be null");
    }
    if (fixed == null) {
      throw ValidationException.of("processorFee.fixed", "must not be null");
    }
    if (payer == null) {
      throw ValidationException.of("processorFee.payer", "must not be null");
    }
    if (fixed.isNegative()) {
      throw ValidationException.of(
          "processorFee.fixed", fixed.toDecimal().toPlainString() + " must not be negative");
    }
    if (model == Model.NONE && (!percent.isZero() || !fixed.isZero())) {
      throw ValidationException.of("processorFee", "model NONE must have no percent or fixed fee");
    }
    if (model == Model.ATH && !fixed.isZero()) {
      throw ValidationException.of("processorFee.fixed", "ATH Móvil has no fixed fee");
    }
  }

  /** Card processing at the default 2.9% + 0.30, borne by {@code payer}. */
  public static ProcessorFee card(Currency currency, FeePayer payer) {
    return new ProcessorFee(
        Model.CARD, CARD_DEFAULT_PERCENT, Money.ofMinor(CARD_DEFAULT_FIXED_MINOR, currency), payer);
  }

  /** Card processing at {@code percent} + {@code fixed}, borne by {@code payer}. */
  public static ProcessorFee card(Rate percent, Money fixed, FeePayer payer) {
    return new ProcessorFee(Model.CARD, percent, fixed, payer);
  }

  /** ATH Móvil at {@code percent}, borne by {@code payer}. */
  public static ProcessorFee ath(Rate percent, Currency currency, FeePayer payer) {
    return new ProcessorFee(Model.ATH, percent, Money.zero(currency), payer);
  }

  /** No processor fee. */
  public static ProcessorFee none(Currency currency) {
    return new ProcessorFee(Model.NONE, Rate.ZERO, Money.zero(currency), FeePayer.PLATFORM);
  }

  /** The exact, unrounded fee on {@code charged}, in major units; zero when nothing is charged. */
  BigDecimal exactFeeOn(Money charged) {
    if (model == Model.NONE || !charged.isPositive()) {
      return BigDecimal.ZERO;
    }
    return charged.toDecimal().multiply(percent.asFraction()).add(fixed.toDecimal());
  }
}
