package dev.oficio.payments;

/**
 * Port to a payment provider (Stripe, ATH Móvil, the simulated gateway). Every operation is
 * idempotent by its request's {@link dev.oficio.shared.IdempotencyKey}: calling again with the same
 * key returns the first call's result and moves no money twice. Business results come back as
 * {@link GatewayOutcome}s; only misuse and provider outages are thrown ({@link
 * dev.oficio.shared.ProviderException} with {@code retryable}). Calls are made outside any unit of
 * work.
 *
 * <p>Implementations are thread-safe; no vendor type crosses this interface.
 */
public interface PaymentGateway {

  /** The provider's short name, e.g. {@code stripe}; used in ledger and inbox records. */
  String provider();

  /** What the provider can do. */
  GatewayCapabilities capabilities();

  /** Places a hold. {@code Succeeded.captureBefore} is the hold's expiry. */
  GatewayOutcome authorize(GatewayCall.Authorize request);

  /** Captures all or part of a hold, keeping {@code platformFee} for the platform. */
  GatewayOutcome capture(GatewayCall.Capture request);

  /** Releases a hold. */
  GatewayOutcome voidHold(GatewayCall.VoidHold request);

  /** Charges immediately. */
  GatewayOutcome charge(GatewayCall.Charge request);

  /** Refunds all or part of a captured or charged payment. */
  GatewayOutcome refund(GatewayCall.Refund request);

  /** Pays a pro's connected account. */
  GatewayOutcome transfer(GatewayCall.Transfer request);

  /** Takes back all or part of a transfer. */
  GatewayOutcome reverseTransfer(GatewayCall.ReverseTransfer request);

  /**
   * Reports the current state of an earlier call at the provider: {@code Succeeded}, {@code
   * Declined} (it failed or never happened), {@code Pending}, or {@code Unknown} if the provider
   * cannot tell yet.
   */
  GatewayOutcome lookup(GatewayCall.Lookup request);
}
