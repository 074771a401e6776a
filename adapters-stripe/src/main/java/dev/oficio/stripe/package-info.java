/**
 * Stripe adapters over stripe-java's instance-based {@code StripeClient} (never the static {@code
 * Stripe.apiKey} globals): the {@link dev.oficio.payments.PaymentGateway} for holds, captures,
 * voids, charges, refunds, transfers and transfer reversals; Connect onboarding of pros ({@link
 * dev.oficio.stripe.StripePayeeOnboarding}); and webhook verification and event mapping ({@link
 * dev.oficio.stripe.StripeWebhookVerifier}). Create them with {@link
 * dev.oficio.stripe.StripeAdapters} from a {@link dev.oficio.stripe.StripeConfig}. No Stripe type
 * crosses the public API.
 */
package dev.oficio.stripe;
