package dev.oficio.payments;

import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.util.Currency;

/**
 * What a payment provider can do; the job flow reads it to choose between hold-then-capture and
 * charge-now-hold-in-ledger (ARCHITECTURE.md, "Capabilities decide the flow"). Stripe can hold a
 * card for days and split a capture; ATH Móvil can do neither.
 *
 * @param holds whether the provider can authorize now and capture later
 * @param maxHoldDuration how long a hold lasts at most; {@link Duration#ZERO} when {@code holds} is
 *     false
 * @param partialCapture whether less than the held amount may be captured
 * @param destinationPayouts whether a capture can pay the pro and the platform fee in one step
 * @param refunds whether refunds are supported
 * @param partialRefunds whether a refund may be less than the captured amount
 * @param transfers whether the platform can pay a pro's connected account
 * @param currency the one currency the gateway settles in
 * @param minAmount the smallest amount the provider accepts
 * @param maxAmount the largest amount the provider accepts
 */
public record GatewayCapabilities(
    boolean holds,
    Duration maxHoldDuration,
    boolean partialCapture,
    boolean destinationPayouts,
    boolean refunds,
    boolean partialRefunds,
    boolean transfers,
    Currency currency,
    Money minAmount,
    Money maxAmount) {

  /** Checks consistency. */
  public GatewayCapabilities {
    if (maxHoldDuration == null || maxHoldDuration.isNegative()) {
      throw ValidationException.of("maxHoldDuration", "must be zero or positive");
    }
    if (holds == maxHoldDuration.isZero()) {
      throw ValidationException.of(
          "maxHoldDuration", "must be positive exactly when holds are supported");
    }
    if (currency == null || minAmount == null || maxAmount == null) {
      throw ValidationException.of("currency", "currency, minAmount and maxAmount are required");
    }
    if (!minAmount.currency().equals(currency) || !maxAmount.currency().equals(currency)) {
      throw ValidationException.of("minAmount", "limits must be in " + currency);
    }
    if (!minAmount.isPositive() || minAmount.isGreaterThan(maxAmount)) {
      throw ValidationException.of("minAmount", "must be positive and not above maxAmount");
    }
    if (partialRefunds && !refunds) {
      throw ValidationException.of("partialRefunds", "needs refunds");
    }
  }

  /** Whether {@code amount} is within the provider's limits and currency. */
  public boolean accepts(Money amount) {
    return amount.currency().equals(currency)
        && !amount.isLessThan(minAmount)
        && !amount.isGreaterThan(maxAmount);
  }
}
