/**
 * The simulated payment provider: a deterministic in-memory {@link
 * dev.oficio.payments.simulated.SimulatedGateway} with Stripe-like and ATH-like capability
 * profiles, seeded fault injection and its own books, used when no provider is configured and to
 * prove the payments core under failure.
 */
package dev.oficio.payments.simulated;
