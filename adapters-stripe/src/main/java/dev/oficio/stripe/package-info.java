/**
 * Stripe implementations of {@code PaymentGateway}, payee onboarding (Connect) and webhook
 * verification over stripe-java's instance-based {@code StripeClient}. Arrives with the Stripe
 * issue.
 */
package dev.oficio.stripe;
