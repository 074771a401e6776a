/**
 * Payments: the {@link dev.oficio.payments.PaymentGateway} port with its requests and outcomes; the
 * {@link dev.oficio.payments.Payment} aggregate of transactions and its {@link
 * dev.oficio.payments.Payments} repository; the {@link dev.oficio.payments.PaymentService} that
 * records intent, calls the gateway and records the result with balanced ledger entries; the {@link
 * dev.oficio.payments.Janitor} that settles open transactions; the webhook inbox {@link
 * dev.oficio.payments.ProviderEvents}; hold expiry; and pros' {@link
 * dev.oficio.payments.PayeeAccount}s. See {@code docs/payments.md}.
 */
package dev.oficio.payments;
