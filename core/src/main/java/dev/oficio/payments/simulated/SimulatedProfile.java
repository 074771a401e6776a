package dev.oficio.payments.simulated;

import dev.oficio.payments.GatewayCapabilities;
import dev.oficio.shared.Money;
import dev.oficio.shared.ValidationException;
import java.time.Duration;
import java.util.Currency;

/** Capability profiles of the {@link SimulatedGateway}, after the providers Oficio supports. */
public enum SimulatedProfile {
  /** Like Stripe: 7-day holds, partial capture, destination payouts, refunds, transfers. */
  STRIPE_LIKE(
      new GatewayCapabilities(
          true,
          Duration.ofDays(7),
          true,
          true,
          true,
          true,
          true,
          Currency.getInstance("USD"),
          Money.ofMinor(50, Currency.getInstance("USD")),
          Money.ofMinor(99_999_999, Currency.getInstance("USD")))),
  /** Like ATH Móvil: no holds, no split, no payouts; refunds; USD 1.00 to 1,500.00. */
  ATH_LIKE(
      new GatewayCapabilities(
          false,
          Duration.ZERO,
          false,
          false,
          true,
          true,
          false,
          Currency.getInstance("USD"),
          Money.ofMinor(100, Currency.getInstance("USD")),
          Money.ofMinor(150_000, Currency.getInstance("USD"))));

  private final GatewayCapabilities capabilities;

  SimulatedProfile(GatewayCapabilities capabilities) {
    this.capabilities = capabilities;
  }

  /** The capabilities the gateway reports. */
  public GatewayCapabilities capabilities() {
    return capabilities;
  }

  /**
   * {@code stripe-like} or {@code ath-like}, as the examples' {@code --gateway} option spells it.
   */
  public String cliName() {
    return name().toLowerCase().replace('_', '-');
  }

  /** The profile with this {@link #cliName()}. */
  public static SimulatedProfile fromCliName(String name) {
    for (SimulatedProfile p : values()) {
      if (p.cliName().equals(name)) {
        return p;
      }
    }
    throw ValidationException.of("gateway", "must be stripe-like or ath-like, was '" + name + "'");
  }
}
